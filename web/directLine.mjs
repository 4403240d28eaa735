/**
 * A DirectLine-compatible connection for Bot Framework Web Chat that talks to
 * this bot's own /api/messages with deliveryMode "expectReplies", so the page
 * needs no Azure Bot Service, token or WebSocket. It follows Web Chat's chat
 * adapter contract (docs/CHAT_ADAPTER.md in BotFramework-WebChat):
 * - connectionStatus$ goes 0 (uninitialised) → 1 (connecting) → 2 (online);
 * - postActivity() returns an observable that emits the activity's id, then
 *   completes (or errors, which Web Chat shows as "Send failed. Retry.");
 * - the user's own activity is echoed on activity$ with its
 *   channelData.clientActivityID, without which Web Chat never marks it sent;
 * - every activity on activity$ has an id, a timestamp and from.role.
 *
 * Plain JavaScript so the server can hand it to the browser as it is; the
 * unit test imports the same file.
 */

/* global console */

/** The least of the TC39 Observable that Web Chat uses: subscribe(observer) → { unsubscribe }. */
class Subject {
  constructor(replay) {
    this.observers = new Set();
    this.replay = replay;
  }

  next(value) {
    this.replay?.push(value);
    for (const observer of [...this.observers]) observer.next?.(value);
  }

  subscribe(observerOrNext) {
    const observer = typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext;
    this.observers.add(observer);
    const subscription = {
      closed: false,
      unsubscribe: () => {
        subscription.closed = true;
        this.observers.delete(observer);
      },
    };
    this.onSubscribe?.(observer);
    return subscription;
  }
}

/** A one-shot observable that runs `work` once per subscription and reports its result. */
function fromPromise(work) {
  return {
    subscribe(observerOrNext) {
      const observer = typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext;
      const subscription = { closed: false, unsubscribe: () => (subscription.closed = true) };
      work().then(
        (value) => {
          if (subscription.closed) return;
          observer.next?.(value);
          observer.complete?.();
        },
        (error) => {
          if (!subscription.closed) observer.error?.(error);
        },
      );
      return subscription;
    },
  };
}

export const ConnectionStatus = Object.freeze({
  Uninitialized: 0,
  Connecting: 1,
  Online: 2,
  Ended: 5,
});

/**
 * @param {object} [options]
 * @param {string} [options.endpoint] where activities are posted
 * @param {typeof fetch} [options.fetch]
 * @param {{ id: string, name?: string }} [options.bot]
 * @param {string} [options.conversationId] a fresh one per page by default, so a reload starts over
 * @param {() => Date} [options.now]
 * @param {() => string} [options.newId]
 */
export function createLocalDirectLine(options = {}) {
  const endpoint = options.endpoint ?? '/api/messages';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const bot = options.bot ?? { id: 'bot' };
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const now = options.now ?? (() => new Date());
  const conversation = { id: options.conversationId ?? `local-${newId()}` };
  const serviceUrl = globalThis.location?.origin ?? 'http://127.0.0.1';

  let userId = 'local-user';
  let lastStamp = 0;
  /** Strictly increasing, so Web Chat (which sorts by timestamp) keeps the order the bot sent. */
  const stamp = () => {
    lastStamp = Math.max(now().getTime(), lastStamp + 1);
    return new Date(lastStamp).toISOString();
  };

  const status = new Subject();
  let currentStatus = ConnectionStatus.Uninitialized;
  status.onSubscribe = (observer) => observer.next?.(currentStatus);
  const setStatus = (value) => {
    currentStatus = value;
    status.next(value);
  };

  // Web Chat subscribes to activity$ more than once (to connect, then to read);
  // a late subscriber gets the conversation so far, and Web Chat drops repeats by id.
  const history = [];
  const activities = new Subject(history);
  activities.onSubscribe = (observer) => {
    for (const activity of history) observer.next?.(activity);
    if (currentStatus === ConnectionStatus.Uninitialized) void connect();
  };

  // One turn at a time: the bot's conversation state is saved per turn, so
  // two overlapping turns of one conversation must not race.
  let queue = Promise.resolve();
  const serially = (work) => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function send(activity) {
    const response = await doFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...activity,
        deliveryMode: 'expectReplies',
        conversation,
        recipient: bot,
        serviceUrl,
      }),
    });
    if (!response.ok) throw new Error(`The bot answered ${response.status}`);
    const body = await response.json();
    return Array.isArray(body?.activities) ? body.activities : [];
  }

  function emitReplies(replies, repliedTo) {
    for (const reply of replies) {
      activities.next({
        ...reply,
        id: reply.id || newId(),
        timestamp: stamp(),
        from: { ...bot, ...reply.from, role: 'bot' },
        conversation,
        // Web Chat holds a reply back until the activity it answers is on screen.
        replyToId: repliedTo,
      });
    }
  }

  /**
   * The user's activity as the transcript gets it back. A card button's
   * submission (channelData.postBack) is not shown, as in Teams: the bot's
   * reply says which button was pressed.
   */
  function echoOf(activity, id) {
    return { ...activity, id, timestamp: stamp(), conversation };
  }

  async function connect() {
    setStatus(ConnectionStatus.Connecting);
    setStatus(ConnectionStatus.Online);
    // What a channel sends when the user joins: the bot answers it with its welcome.
    const join = {
      type: 'conversationUpdate',
      id: newId(),
      channelId: 'webchat',
      from: { id: userId, role: 'user' },
      membersAdded: [{ id: userId }],
      timestamp: new Date().toISOString(),
    };
    try {
      // The join is never shown, so its replies must not wait for it.
      emitReplies(await serially(() => send(join)), undefined);
    } catch (error) {
      console.error('Local chat: could not reach the bot for its welcome.', error);
    }
  }

  return {
    activity$: activities,
    connectionStatus$: status,

    postActivity(activity) {
      const id = newId();
      return fromPromise(() =>
        serially(async () => {
          const replies = await send({ ...activity, id });
          activities.next(echoOf(activity, id));
          emitReplies(replies, id);
          return id;
        }),
      );
    },

    setUserId(id) {
      userId = id;
    },

    end() {
      setStatus(ConnectionStatus.Ended);
    },

    get conversationId() {
      return conversation.id;
    },
  };
}
