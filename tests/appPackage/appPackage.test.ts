import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadAreaContacts } from '../../src/contacts/load';
import { routeText } from '../../src/router/routeText';
import { loadKnowledgeBase } from '../../src/knowledge/base';
import { ACCENT, drawColorIcon, drawOutlineIcon } from '../../scripts/draw-icons';
import {
  APP_PACKAGE_DIR,
  buildAppPackage,
  fillManifest,
  iconProblems,
  manifestProblems,
  OUTPUT,
  packageSettings,
  PackageError,
  ROOT,
} from '../../scripts/package-app';

const BOT_ID = '6f1c1a6e-3c1b-4c8e-9a57-2d0f5b7c9e11';
const ENV = {
  APP_DEVELOPER_NAME: 'Example Safeguarding Team',
  APP_WEBSITE_URL: 'https://example.org/safeguarding-bot',
  APP_PRIVACY_URL: 'https://example.org/safeguarding-bot/privacy',
  APP_TERMS_URL: 'https://example.org/safeguarding-bot/terms',
};

const template = readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const manifest = fillManifest(template, packageSettings({ ...ENV, MicrosoftAppId: BOT_ID }));

interface Bot {
  botId: string;
  scopes: string[];
  commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
}
const bot = (manifest.bots as Bot[])[0]!;
const commandsFor = (scope: string) =>
  bot.commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));

function readPng(name: string): PNG {
  return PNG.sync.read(readFileSync(path.join(APP_PACKAGE_DIR, name)));
}

describe('the Teams manifest', () => {
  it('passes the Teams v1.19 manifest schema, read offline from @microsoft/app-manifest', async () => {
    expect(manifest.manifestVersion).toBe('1.19');
    expect(await manifestProblems(manifest)).toEqual([]);
  });

  it('is caught by the schema check when it breaks a rule', async () => {
    const broken = { ...manifest, name: { short: 'A name far too long for the Teams app bar', full: 'x' } };
    delete (broken as Record<string, unknown>).icons;
    const problems = (await manifestProblems(broken)).join('\n');
    expect(problems).toMatch(/\/name\/short must NOT have more than 30 characters/);
    expect(problems).toMatch(/must have required property 'icons'/);
  });

  it('has one bot, in personal chats, teams and group chats, with the bot id filled in', () => {
    expect(manifest.bots).toHaveLength(1);
    expect(bot.botId).toBe(BOT_ID);
    expect(manifest.id).toBe(BOT_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(template).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
  });

  it('lists the commands for each scope: the screening and the form only in a personal chat', () => {
    expect(commandsFor('personal')).toEqual([
      'screen',
      'who do I call now',
      'out of hours',
      'what is CSE',
      'share information',
      'ask an expert',
      'help',
    ]);
    for (const scope of ['team', 'groupChat']) {
      expect(commandsFor(scope)).toEqual(['who do I call now', 'what is CSE', 'help']);
    }
  });

  it.each([
    ['screen', 'screening'],
    ['who do I call now', 'contacts'],
    ['out of hours', 'contacts'],
    ['share information', 'info-sharing'],
    ['ask an expert', 'ask-expert'],
    ['help', 'help'],
  ])('routes the command "%s" to %s', (title, route) => {
    const contacts = loadAreaContacts();
    const ctx = { contacts, knowledge: loadKnowledgeBase(contacts), now: new Date('2026-11-25T10:30:00Z') };
    expect(routeText(title, ctx).route).toBe(route);
  });

  it('says what the bot does and does not do', () => {
    const description = manifest.description as { short: string; full: string };
    expect(description.short).toMatch(/CSERQ4 screening, who to call/);
    expect(description.full).toMatch(/supports, and never replaces, your safeguarding lead and the MASH/);
    expect(description.full).toMatch(/never asks for a child's name, date of birth or address/);
    expect(description.full).toMatch(/Screenings and the information form run only in a private chat/);
    expect(description.full).toMatch(/call 999/);
  });

  it('takes the developer details and links from the settings', () => {
    expect(manifest.developer).toEqual({
      name: ENV.APP_DEVELOPER_NAME,
      websiteUrl: ENV.APP_WEBSITE_URL,
      privacyUrl: ENV.APP_PRIVACY_URL,
      termsOfUseUrl: ENV.APP_TERMS_URL,
    });
  });

  it('uses the icons’ accent colour', () => {
    expect(manifest.accentColor).toBe(ACCENT);
  });
});

describe('the icons', () => {
  it('has a 192×192 colour icon', () => {
    const color = readPng('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
  });

  it('has a 32×32 outline icon, white on a transparent background', () => {
    const outline = readPng('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r === 255 && g === 255 && b === 255) white++;
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(white).toBeGreaterThan(32 * 4);
    expect(transparent + white).toBe(32 * 32);
  });

  it('are the icons scripts/draw-icons.ts draws (npm run icons)', () => {
    expect(readFileSync(path.join(APP_PACKAGE_DIR, 'color.png')).equals(drawColorIcon())).toBe(true);
    expect(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png')).equals(drawOutlineIcon())).toBe(true);
  });

  it('are refused when the size is wrong, the outline has colour, or its background is opaque', () => {
    const image = (size: number, rgba: [number, number, number, number]) => {
      const png = new PNG({ width: size, height: size });
      for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
      return PNG.sync.write(png);
    };
    expect(iconProblems('color.png', image(96, [11, 85, 99, 255]), 'color')).toEqual([
      'color.png: must be 192×192, is 96×96',
    ]);
    expect(iconProblems('outline.png', image(32, [0, 0, 0, 255]), 'outline')).toEqual([
      'outline.png: the background must be transparent',
      'outline.png: 1024 visible pixels are not white',
    ]);
    expect(iconProblems('outline.png', Buffer.from('not a png'), 'outline')[0]).toMatch(/not a PNG/);
  });
});

describe('npm run package', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-app.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, ...env },
    });

  it('writes build/appPackage.zip with the manifest (bot id filled) and both icons', async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/package-app.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...ENV, MicrosoftAppId: BOT_ID },
    });
    const zip = await JSZip.loadAsync(readFileSync(OUTPUT));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      bots: Bot[];
      id: string;
    };
    expect(packed.bots[0]!.botId).toBe(BOT_ID);
    expect(JSON.stringify(packed)).not.toMatch(/\$\{\{/);
    expect((await zip.file('outline.png')!.async('nodebuffer')).equals(drawOutlineIcon())).toBe(true);
  });

  it('refuses, naming each missing setting, when MicrosoftAppId and the developer details are not set', () => {
    const result = run({});
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/MicrosoftAppId \(or BOT_ID\) is not set/);
    expect(result.stderr).toMatch(/APP_PRIVACY_URL is not set/);
  });

  it('refuses a bot id that is not a GUID', () => {
    expect(() => packageSettings({ ...ENV, MicrosoftAppId: 'my-bot' })).toThrow(/must be a GUID/);
  });

  it('refuses a privacy link that is not https', () => {
    expect(() =>
      packageSettings({ ...ENV, MicrosoftAppId: BOT_ID, APP_PRIVACY_URL: 'http://example.org/privacy' }),
    ).toThrow(/APP_PRIVACY_URL must be an https:\/\/ address/);
  });

  it('takes the bot id from BOT_ID too, and a separate Teams app id when given', () => {
    const appId = '0d4c2b8e-7f61-4f3a-9e2d-8b5a1c6f3e70';
    const settings = packageSettings({ ...ENV, BOT_ID, TEAMS_APP_ID: appId });
    expect([settings.BOT_ID, settings.TEAMS_APP_ID]).toEqual([BOT_ID, appId]);
  });

  it('refuses a manifest that uses a setting nobody provides', () => {
    const settings = packageSettings({ ...ENV, MicrosoftAppId: BOT_ID });
    expect(() => fillManifest('{"x": "${{SECRET}}"}', settings)).toThrow(PackageError);
  });

  it('builds the same bytes from the same inputs', async () => {
    const settings = packageSettings({ ...ENV, MicrosoftAppId: BOT_ID });
    expect((await buildAppPackage(settings)).equals(await buildAppPackage(settings))).toBe(true);
  });
});
