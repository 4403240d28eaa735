import { ActivityTypes, type Activity, type ConversationState, type TurnContext } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log';
import { setTurnStorageDeadline } from '../state/deadline';
import { isStorageUnavailable } from '../state/resilient';
import { isETagConflict } from '../state/storage';
import { noteTurn, resetTurnMeta, turnMeta } from './meta';
import { sendReplies } from './send';
import { markStateUnavailable, stateUnavailableAt, type UnavailableAt } from './stateUnavailable';

export const MAX_TURN_ATTEMPTS = 4;

/**
 * All of a turn's storage work ends this long after the turn began (later
 * tries are not started, a request in flight is abandoned), leaving the
 * rest of the channel's 15 seconds to run the turn without state and reply.
 */
export const TURN_STORAGE_BUDGET_MS = 11_000;

/** No attempt after a lost race starts once the turn has run this long: "send it again" instead. */
export const CONFLICT_RETRY_BUDGET_MS = 8_000;

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
 *
 * When storage is down (reading or saving fails after its retries), the
 * held replies are dropped too and the turn runs once more without state:
 * nothing is read or saved, so nothing saved before is touched, and the core
 * answers what needs no state and says plainly what cannot be done.
 */
export function createTurnRunner(options: TurnRunnerOptions): TurnRunner {
  const { bot, conversationState, log } = options;

  return {
    run(context) {
      // Every storage call this turn makes ends by the turn's storage deadline: what stores state for
      // the turn reads it from the turn's state and passes it down (see state/deadline.ts).
      setTurnStorageDeadline(context, performance.now() + TURN_STORAGE_BUDGET_MS);
      return runTurn(context);
    },
  };

  async function runTurn(context: TurnContext): Promise<void> {
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
      const unavailable = stateUnavailableAt(context) !== null;
      let stage: UnavailableAt = 'read';
      try {
        if (attempts > 1 && !unavailable) await conversationState.load(context, true);
        await bot.run(context);
        stage = 'write';
        if (!unavailable) await conversationState.saveChanges(context, false);
        break;
      } catch (err) {
        held.length = 0;
        resetTurnMeta(context);
        if (isStorageUnavailable(err) && !unavailable) {
          markStateUnavailable(context, stage);
          // An empty copy for the rest of the turn, never saved: anything that asks for state gets
          // defaults instead of waiting on storage again.
          await conversationState.clear(context);
          continue;
        }
        if (!isETagConflict(err)) {
          holding = false;
          throw err;
        }
        log.warn({ event: 'state-conflict', attempt: attempts }, 'conversation saved elsewhere first');
        const late = Number(process.hrtime.bigint() - started) / 1e6 > CONFLICT_RETRY_BUDGET_MS;
        if (attempts >= MAX_TURN_ATTEMPTS || late) {
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
        ...(stateUnavailableAt(context) ? { storage: 'unavailable' } : {}),
        attempts,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'turn',
    );
  }
}
