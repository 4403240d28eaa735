/**
 * A practitioner at the local test page in a real Chromium: they type in the
 * message box, press the buttons they can see and read the bubbles. Elements
 * are found by role and by the words on screen, never by Web Chat's class
 * names, so a Web Chat upgrade that keeps the page usable keeps these passing.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { onTestFinished } from 'vitest';

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = path.join('test-results', 'e2e');
const REPLY_TIMEOUT_MS = 15000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

function escapeRegExp(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

export interface ChatPage {
  page: Page;
  /** The message box at the bottom of the chat. */
  messageBox: Locator;
  /** Requests for anything not served by the bot's own server (fonts, scripts, CDNs): must stay empty. */
  outside: string[];
  /** Console errors and uncaught exceptions in the page. */
  errors: string[];
  /** Bot messages whose text matches (Web Chat shows straight quotes as curly ones). */
  botSaid(text: RegExp): Locator;
  /** Does `action`, then waits until one more bot message matching `reply` is on screen. */
  expectReply(reply: RegExp, action: () => Promise<void>): Promise<void>;
  /** Types in the message box and presses Enter. */
  say(text: string, reply: RegExp): Promise<void>;
  /**
   * Clicks the newest button with this label (older cards keep theirs). As in Teams, the press is not
   * shown as the user's message: the bot's reply starts by naming it ("You chose: …").
   */
  click(label: string, reply: RegExp): Promise<void>;
  /** The label (or text) of whatever has the keyboard focus. */
  focusedLabel(): Promise<string>;
  screenshot(name: string): Promise<string>;
}

/** Opens the page in a fresh browser context (a new conversation) and waits for the welcome. */
export async function openChat(browser: Browser, baseUrl: string, name: string): Promise<ChatPage> {
  const context = await browser.newContext({
    viewport: { width: 1000, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${baseUrl}/`) || url.startsWith('data:') || url.startsWith('blob:')) {
      await route.fallback();
    } else {
      outside.push(url);
      await route.abort('blockedbyclient');
    }
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  const screenshot = async (shot: string): Promise<string> => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${shot}.png`);
    // Web Chat scrolls to the newest message with an animation: let it arrive before the picture.
    await page
      .getByText('End of chat history')
      .scrollIntoViewIfNeeded({ timeout: 2000 })
      .catch(() => undefined);
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
    return file;
  };
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') await screenshot(`${name}-FAILED`);
    await context.close();
  });

  // Each message is an article; Web Chat labels it for screen readers with who said it.
  const botSaid = (text: RegExp) =>
    page
      .getByRole('article')
      .filter({ has: page.getByRole('article', { name: /^Bot .*said:/ }) })
      .filter({ hasText: text });
  const expectReply = async (reply: RegExp, action: () => Promise<void>) => {
    const matching = botSaid(reply);
    const before = await matching.count();
    await action();
    await matching.nth(before).waitFor({ timeout: REPLY_TIMEOUT_MS });
  };
  const messageBox = page.getByRole('textbox', { name: 'Message input box' });

  await page.goto(`${baseUrl}/`);
  await botSaid(/I help practitioners/).waitFor({ timeout: REPLY_TIMEOUT_MS });

  return {
    page,
    messageBox,
    outside,
    errors,
    botSaid,
    expectReply,
    say: (text, reply) =>
      expectReply(reply, async () => {
        await messageBox.fill(text);
        await messageBox.press('Enter');
      }),
    click: async (label, reply) => {
      const named = botSaid(new RegExp(`You chose: ${escapeRegExp(label).source.slice(1, -1)}`));
      const before = await named.count();
      await expectReply(reply, () =>
        page
          .getByRole('button', { name: escapeRegExp(label) })
          .last()
          .click(),
      );
      await named.nth(before).waitFor({ timeout: REPLY_TIMEOUT_MS });
    },
    // A string, so it runs in the page: the tests are type-checked without the DOM library.
    focusedLabel: () =>
      page.evaluate<string>(
        "(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || '').trim() : ''; })()",
      ),
    screenshot,
  };
}
