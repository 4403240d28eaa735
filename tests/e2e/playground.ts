/**
 * The Microsoft 365 Agents Playground (Microsoft's local Teams emulator, the
 * dev dependency @microsoft/m365agentsplayground) in front of the real bot,
 * driven in Chromium as a practitioner uses Teams: the personal chat, the
 * group chat and a team's channel from its sidebar, typed messages, @mentions
 * and card buttons. The Playground posts activities with channelId "msteams"
 * and takes the bot's replies on its own connector (POSTs to its serviceUrl),
 * so this is the bot's real Teams reply path, not expectReplies.
 *
 * Elements are found by role and by the words on screen; the only class name
 * used is the Adaptive Cards library's own "ac-adaptiveCard", which the
 * Playground renders cards with (as Teams does).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { SCREENSHOT_DIR } from './chatPage';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
/** The name the Playground gives the bot under test (its default configuration). */
export const PLAYGROUND_BOT = 'Test Bot';
const REPLY_TIMEOUT_MS = 20000;

export interface Playground {
  url: string;
  /** The Playground's process id, which is also its process group's id. */
  pid: number;
  stop(): Promise<void>;
}

/** A port nothing listens on now (the Playground falls back to a random one if it is taken meanwhile). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();
// If the test run itself dies, take every Playground down with it: no stray processes.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the Playground on a free port, pointed at the bot, in its own
 * process group (so stopping it stops everything it started). It opens no
 * browser (TEAMSAPPTESTER_BROWSER=none), sends no telemetry, and writes its
 * log to ./devTools/.
 */
export async function startPlayground(botUrl: string): Promise<Playground> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [CLI, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      cwd: ROOT,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  const output: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));

  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the Playground did not start: ${output.join('')}`)),
      30000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Listening on (\d+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited with ${code}: ${output.join('')}`));
    });
  });

  return {
    url: `http://127.0.0.1:${listening}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child, 'SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
        if (!stopped) {
          killGroup(child, 'SIGKILL');
          await exited;
        }
      }
      // Anything it started in its group goes too.
      if (groupAlive(child.pid!)) killGroup(child, 'SIGKILL');
      for (let i = 0; i < 50 && groupAlive(child.pid!); i++) await sleep(100);
      if (groupAlive(child.pid!))
        throw new Error(`the Playground's process group ${child.pid} is still running`);
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export interface PlaygroundPage {
  page: Page;
  /** Exceptions thrown in the page (a card button that cannot be sent throws one): must stay empty. */
  pageErrors: string[];
  /** Requests for anything outside the Playground (its web fonts come from a CDN): blocked and listed. */
  outside: string[];
  /** Every Adaptive Card on screen with a line (a TextBlock) that matches. */
  cards(text: RegExp): Locator;
  /** Anything on screen (a card's line or a text message) matching, smallest element first. */
  shown(text: RegExp): Locator;
  /** Does `action`, then waits until one more thing on screen matches each of `replies`. */
  expectReply(replies: RegExp[], action: () => Promise<void>): Promise<void>;
  /** Types in the message box and presses Enter. */
  say(text: string, ...replies: RegExp[]): Promise<void>;
  /** @mentions the bot by picking it from the mention list, then types the rest and sends it (a reply goes to the newest post). */
  mention(text: string, where: 'chat' | 'new post' | 'reply', ...replies: RegExp[]): Promise<void>;
  /** Presses the newest button with this label; the reply must start by naming it ("You chose: …"). */
  click(label: string, ...replies: RegExp[]): Promise<void>;
  open(conversation: 'Personal Chat' | 'Group Chat' | 'My Team - General'): Promise<void>;
  screenshot(name: string): Promise<string>;
}

/** Opens the Playground's page in a fresh browser context and waits for the bot to be connected. */
export async function openPlayground(
  browser: Browser,
  playground: Playground,
  name: string,
): Promise<PlaygroundPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${playground.url}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      await route.fallback();
    } else {
      outside.push(url);
      await route.abort('blockedbyclient');
    }
  });
  const page = await context.newPage();
  page.setDefaultTimeout(REPLY_TIMEOUT_MS);
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const screenshot = async (shot: string): Promise<string> => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `playground-${shot}.png`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
    return file;
  };
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(`${name}-FAILED`).catch(() => undefined);
    await context.close();
  });

  const cards = (text: RegExp) => page.locator('.ac-adaptiveCard').filter({ has: page.getByText(text) });
  // Each message's words also appear in the sidebar's preview of the conversation, in a live region
  // that reads new messages out, and in the log panel (an editable text area, like the message box,
  // whose words are not the bot's either): only the conversation itself counts.
  const shown = (text: RegExp) =>
    page
      .getByText(text)
      .and(
        page.locator(
          ':not([aria-label="Chat and Teams Channel"] *, [aria-live], [aria-live] *, [contenteditable] *)',
        ),
      );
  const expectReply = async (replies: RegExp[], action: () => Promise<void>) => {
    const before = await Promise.all(replies.map((reply) => shown(reply).count()));
    await action();
    for (const [i, reply] of replies.entries()) {
      await shown(reply).nth(before[i]!).waitFor({ timeout: REPLY_TIMEOUT_MS });
    }
  };
  const messageBox = () => page.getByRole('textbox').last();
  /**
   * In a chat there is one message box. A channel has "Start a new post" at the top, then each
   * post, newest first, with its own reply box: the newest post's is the second box.
   */
  const boxFor = (where: 'chat' | 'new post' | 'reply') =>
    where === 'chat'
      ? messageBox()
      : where === 'new post'
        ? page.getByRole('textbox').first()
        : page.getByRole('textbox').nth(1);

  const pg: PlaygroundPage = {
    page,
    pageErrors,
    outside,
    cards,
    shown,
    expectReply,
    say: (text, ...replies) =>
      expectReply(replies, async () => {
        await messageBox().click();
        await page.keyboard.type(text);
        await page.keyboard.press('Enter');
      }),
    mention: (text, where, ...replies) =>
      expectReply(replies, async () => {
        await boxFor(where).click();
        await page.keyboard.type(`@${PLAYGROUND_BOT.slice(0, 2)}`);
        await page.getByRole('menuitem', { name: new RegExp(PLAYGROUND_BOT) }).click();
        await page.keyboard.type(` ${text}`);
        if (where === 'new post') await page.getByRole('button', { name: 'Post', exact: true }).click();
        else await page.keyboard.press('Enter');
      }),
    click: (label, ...replies) =>
      expectReply([new RegExp(`^You chose: ${exactly(label).source.slice(1, -1)}`), ...replies], () =>
        page
          .locator('.ac-adaptiveCard')
          .getByRole('button', { name: exactly(label) })
          .last()
          .click(),
      ),
    open: async (conversation) => {
      await page.getByRole('treeitem', { name: conversation, exact: true }).click();
      await page.getByRole('textbox').first().waitFor();
    },
    screenshot,
  };

  await page.goto(`${playground.url}/`);
  await page
    .getByRole('treeitem', { name: 'Personal Chat', exact: true })
    .waitFor({ timeout: REPLY_TIMEOUT_MS });
  return pg;
}
