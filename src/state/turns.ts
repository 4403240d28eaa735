import { ActivityTypes, type Activity, type ConversationState, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { setTimeout as sleep } from 'node:timers/promises';
import { CSERQ4_DIALOG } from '../dialogs/cserq4Dialog';
import { INFO_SHARING_DIALOG } from '../dialogs/infoSharingDialog';
import { sendReplies } from '../dialogs/send';
import type { Logger } from '../log';
import { expiredReply, isExpired, type Expirable } from '../screening/expiry';
import { isETagConflict } from './storage';
import { noteTurn, resetTurnMeta, turnMeta } from './turnMeta';

export const MAX_TURN_ATTEMPTS = 4;

export const SEND_AGAIN =
  'Two messages for this chat arrived at the same moment and I could not keep this one. ' +
  'Please send it again. If a child is in immediate danger, call 999.';

/** The dialogs that hold answers about a child, and what to call them when they are cleared. */
const EXPIRABLE: Record<string, Expirable | undefined> = {
  [CSERQ4_DIALOG]: 'screening',
  [INFO_SHARING_DIALOG]: 'info-sharing',
};

const KNOWN_TYPES = new Set<string>(Object.values(ActivityTypes));

export interface TurnRunnerOptions {
  bot: { run(context: TurnContext): Promise<void> };
  conversationState: ConversationState;
  log: Logger;
  now: () => Date;
  screeningTimeoutMinutes: number;
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
  const { bot, conversationState, log, now, screeningTimeoutMinutes } = options;
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const lastTurnAt = conversationState.createProperty<string>('lastTurnAt');

  /** Clears a screening left untouched too long before anything else reads it, and says so. */
  async function expireIdleScreening(context: TurnContext): Promise<void> {
    if (context.activity.type !== 'message') return;
    const at = now();
    const last = await lastTurnAt.get(context);
    const state = await dialogState.get(context);
    if (last && state?.dialogStack?.length && isExpired(new Date(last), at, screeningTimeoutMinutes)) {
      const cleared = state.dialogStack.map((d) => EXPIRABLE[d.id]).find((kind) => kind !== undefined);
      await dialogState.set(context, { dialogStack: [] });
      if (cleared) await sendReplies(context, [expiredReply(screeningTimeoutMinutes, cleared)]);
      noteTurn(context, { outcome: 'expired' });
    }
    await lastTurnAt.set(context, at.toISOString());
  }

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
          await expireIdleScreening(context);
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
