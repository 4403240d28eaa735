import { ActivityTypes, type Activity, type ConversationState, type TurnContext } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log';
import { isETagConflict } from '../state/storage';
import { noteTurn, resetTurnMeta, turnMeta } from './meta';
import { sendReplies } from './send';

export const MAX_TURN_ATTEMPTS = 4;

export const SEND_AGAIN =
  'Two messages for this chat arrived at the same moment and I could not keep this one. ' +
  'Please send it again. If a child is in immediate danger, call 999.';

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

export interface TurnRunnerOptions {
  bot: { run(context: TurnContext): Promise<void> };
  conversationState: ConversationState;
  log: Logger;
}

export interface TurnRunner {
  run(context: TurnContext): Promise<void>;
}

/**
 * Runs each turn so that what the practitioner sees always matches what was
 * saved. Replies are held until the conversation state is written; when
 * another instance (or a concurrent request) saved the same conversation
 * first, the eTag check fails, the held replies are dropped, the state is
 * read again and the turn runs again on top of the other turn's answer.
 * Each answer is therefore applied exactly once, and a reply is never sent
 * for a state that was thrown away.
 */
export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { bot, conversationState, log } = options;

  return {
    async run(context) {
      const started = process.hrtime.bigint();
      const held: Array<Partial<Activity>> = [];
      let holding = true;
      context.onSendActivities(async (_ctx, activities, next) => {
        // A typing indicator says nothing about state, and is only useful at once.
        if (!holding || activities.every((a) => a.type === ActivityTypes.Typing)) return next();
        held.push(...activities);
        return activities.map(() => ({ id: '' }));
      });
      const release = async () => {
        holding = false;
        if (held.length > 0) await context.sendActivities(held.splice(0));
      };

      let attempts = 0;
      for (;;) {
        attempts++;
        try {
          if (attempts > 1) await conversationState.load(context, true);
          await bot.run(context);
          await conversationState.saveChanges(context, false);
          break;
        } catch (err) {
          held.length = 0;
          resetTurnMeta(context);
          if (!isETagConflict(err)) {
            holding = false;
            throw err;
          }
          log.warn({ event: 'state-conflict', attempt: attempts }, 'conversation saved elsewhere first');
          if (attempts >= MAX_TURN_ATTEMPTS) {
            noteTurn(context, { outcome: 'send-again' });
            await sendReplies(context, [{ text: SEND_AGAIN }]);
            break;
          }
          // Jitter, so two instances retrying the same conversation do not collide again in lock-step.
          await sleep(10 + Math.floor(Math.random() * 40 * attempts));
        }
      }
      await release();

      const type = context.activity.type;
      log.info(
        {
          event: 'turn',
          activityType: KNOWN_TYPES.has(type) ? type : 'unknown',
          route: 'other',
          ...turnMeta(context),
          attempts,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'turn',
      );
    },
  };
}
