/**
 * A topic's title in the normal form a typed message is compared in ("Making a referral" → "making a
 * referral"): a practitioner may type an offered title rather than press its button. The title is
 * content, so its normal form is made once per topic, not for each offered title on every turn.
 */
import type { Topic } from '../knowledge/schema';
import { memoised } from '../memoised';
import { normaliseText } from '../rules/intent';

const normalTitles = new WeakMap<Topic, string>();

export function normalisedTitle(topic: Topic): string {
  return memoised(normalTitles, topic, () => normaliseText(topic.title));
}
