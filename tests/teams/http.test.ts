import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server';
import { teamsMessage } from '../helpers/teams';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Reply {
  type: string;
  text?: string;
  attachments?: Array<{ content: { actions?: Array<{ url?: string }> } }>;
}

async function post(activity: Record<string, unknown>): Promise<Reply[]> {
  const conversation = activity.conversation as { id: string };
  const { json } = await server.send(conversation.id, activity);
  return (json as { activities: Reply[] }).activities;
}

describe('Teams-shaped activities through the real HTTP app', () => {
  it('sends no typing indicator when the replies come back in the HTTP response (expectReplies)', async () => {
    const replies = await post({ ...teamsMessage('personal', 'who do I call') });
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.type)).toEqual(replies.map(() => 'message'));
  });

  it('redirects a screening request in a channel to a private chat', async () => {
    const replies = await post({ ...teamsMessage('channel', 'screen', { mention: true }) });
    expect(replies).toHaveLength(1);
    const card = replies[0]!.attachments![0]!.content;
    expect(card.actions?.[0]?.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/chat\/0\/0\?users=28:/);
  });
});
