import { describe, expect, it } from 'vitest';
import { hardLineBreaks, toActivity } from '../../src/dialogs/send';

describe('turning a reply into an activity', () => {
  it('keeps single line breaks as Markdown hard breaks, so Teams does not join the lines', () => {
    expect(hardLineBreaks('Q1: Yes\nQ2: No\n\nOutcome')).toBe('Q1: Yes  \nQ2: No\n\nOutcome');
  });

  it('does not double an existing hard break', () => {
    expect(hardLineBreaks('a  \nb')).toBe('a  \nb');
  });

  it('sends Markdown text with the card attached', () => {
    const activity = toActivity({
      text: 'a\nb',
      card: {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [],
      },
    });
    expect(activity.text).toBe('a  \nb');
    expect(activity.textFormat).toBe('markdown');
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});
