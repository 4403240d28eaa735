/**
 * HTTP turns under load: autocannon against POST /api/messages with
 * expectReplies. Every request is a valid turn of a real conversation, and
 * every reply is checked against what that turn should say, so a scenario
 * cannot quietly measure an error page.
 */
import autocannon from 'autocannon';
import { activityBody, JSON_HEADERS, postTurn } from './turns';

export interface Step {
  text: string;
  /** Matched against the raw JSON reply. */
  expect: RegExp;
}

export interface Scenario {
  name: string;
  target: 'echo' | 'bot';
  /** The turns a conversation goes through, again and again. */
  script: Step[];
  /**
   * 'rotate': each connection cycles through a few conversations (single-turn routes);
   * 'fresh': a new conversation for every pass through the script (a screening from its start to its outcome).
   */
  conversations: 'rotate' | 'fresh';
}

export const KNOWLEDGE_QUESTION = 'what are the warning signs of child sexual exploitation';

/** A full CSERQ4 screening, typed: missing yes, 15 with a 19-year-old partner, then no and no (referral: the age gap). */
const SCREENING: Step[] = [
  { text: 'screen', expect: /Question 1 of 4/ },
  { text: 'yes', expect: /How old are you\?/ },
  { text: '15', expect: /Do you have a partner/ },
  { text: 'yes', expect: /How old is your partner/ },
  { text: '19', expect: /Question 3 of 4/ },
  { text: 'no', expect: /Question 4 of 4/ },
  { text: 'no', expect: /Referral indicated/ },
];

export const SCENARIOS: Scenario[] = [
  {
    name: 'echo',
    target: 'echo',
    script: [{ text: KNOWLEDGE_QUESTION, expect: /echo: / }],
    conversations: 'rotate',
  },
  {
    name: 'knowledge question',
    target: 'bot',
    script: [{ text: KNOWLEDGE_QUESTION, expect: /Sources: / }],
    conversations: 'rotate',
  },
  { name: 'screening turn', target: 'bot', script: SCREENING, conversations: 'fresh' },
  {
    name: 'contacts',
    target: 'bot',
    script: [{ text: 'who do I call', expect: /Who to call/ }],
    conversations: 'rotate',
  },
];

/** Conversations per connection for single-turn routes, so state stays bounded as in a long-running bot. */
const ROTATING_CONVERSATIONS = 16;

/** autocannon's per-connection context; it starts afresh each time the connection begins the script again. */
interface Pass {
  conversation?: string;
}

/** Runs the script once, in order, and fails if any reply is not what the step expects. */
export async function checkScenario(url: string, scenario: Scenario): Promise<void> {
  const conversation = `bench-check-${scenario.name.replace(/\W+/g, '-')}`;
  for (const step of scenario.script) {
    const replies = await postTurn(url, { conversationId: conversation, text: step.text });
    const raw = JSON.stringify({ activities: replies.map((text) => ({ text })) });
    if (!step.expect.test(raw)) {
      throw new Error(
        `${scenario.name}: "${step.text}" got ${JSON.stringify(replies).slice(0, 300)}, expected ${step.expect}`,
      );
    }
  }
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx, connection errors, timeouts and replies that did not say what the step expects. */
  failures: number;
}

let runCounter = 0;

function fire(url: string, scenario: Scenario, connections: number, seconds: number) {
  const run = `${scenario.name.replace(/\W+/g, '-')}-r${++runCounter}`;
  let passes = 0;
  let unexpected = 0;
  const newConversation = () => {
    const n = passes++;
    return `bench-${run}-${scenario.conversations === 'rotate' ? n % (connections * ROTATING_CONVERSATIONS) : n}`;
  };
  // One request per step: autocannon sends them in order on each connection and loops, so each
  // connection walks conversations through the script one after another.
  const requests: autocannon.Request[] = scenario.script.map((step, i) => ({
    setupRequest: (request, context) => {
      const pass = context as Pass;
      if (i === 0) pass.conversation = newConversation();
      request.body = activityBody({ conversationId: pass.conversation!, text: step.text });
      return request;
    },
    onResponse: (status, body) => {
      if (status === 200 && !step.expect.test(body)) unexpected += 1;
    },
  }));
  return autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: JSON_HEADERS,
    requests,
  }).then((result) => ({ result, unexpected }));
}

/** Checks the scenario's replies, then runs it unmeasured so the server's code paths for it are compiled. */
export async function warmUp(url: string, scenario: Scenario, options: LoadOptions): Promise<void> {
  await checkScenario(url, scenario);
  await fire(url, scenario, options.connections, options.warmupSeconds);
}

export async function runLoad(url: string, scenario: Scenario, options: LoadOptions): Promise<LoadResult> {
  const { result, unexpected } = await fire(url, scenario, options.connections, options.seconds);
  return {
    scenario: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts + unexpected,
  };
}
