import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webChatBundlePath } from '../../src/localChat';
import { startTestServer, type TestServer } from '../helpers/server';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const PAGE_FILES = ['/', '/local-chat/webchat.js', '/local-chat/app.mjs', '/local-chat/directLine.mjs'];

async function statusesOf(server: TestServer): Promise<number[]> {
  return Promise.all(PAGE_FILES.map(async (file) => (await fetch(`${server.url}${file}`)).status));
}

async function withServer(env: Record<string, string>, check: (server: TestServer) => Promise<void>) {
  const server = await startTestServer(env);
  try {
    await check(server);
  } finally {
    await server.close();
  }
}

describe('the local test chat page in local mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the page at /, saying it is a local test client, with a policy that keeps the browser on this server', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('Local test client.');
    expect(html).toContain('<script src="/local-chat/webchat.js"></script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("names the bot as Teams does, by the app manifest's short name", async () => {
    const manifest = JSON.parse(readFileSync('appPackage/manifest.json', 'utf8')) as {
      name: { short: string };
    };
    const html = await (await fetch(`${server.url}/`)).text();
    expect(html).toContain(`<h1 id="bot-name">${manifest.name.short}</h1>`);
  });

  it("serves Web Chat's prebuilt bundle from node_modules, byte for byte", async () => {
    const res = await fetch(`${server.url}/local-chat/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(webChatBundlePath()))).toBe(true);
  });

  it('serves the page scripts as JavaScript modules', async () => {
    for (const file of ['/local-chat/app.mjs', '/local-chat/directLine.mjs']) {
      const res = await fetch(`${server.url}${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toBe('text/javascript; charset=utf-8');
      expect(await res.text(), file).toMatch(/export |import /);
    }
  });

  it('serves nothing else from disk', async () => {
    for (const file of [
      '/local-chat/../package.json',
      '/local-chat/index.html',
      '/web/app.mjs',
      '/package.json',
    ]) {
      expect((await fetch(`${server.url}${file}`)).status, file).toBe(404);
    }
  });
});

describe('when the page is served', () => {
  it('is off in local mode with LOCAL_CHAT=false', async () => {
    await withServer({ LOCAL_CHAT: 'false' }, async (server) => {
      expect(await statusesOf(server)).toEqual([404, 404, 404, 404]);
    });
  });

  it('is off with an app id unless LOCAL_CHAT=true says otherwise', async () => {
    const azure = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', HOST: '127.0.0.1' };
    await withServer(azure, async (server) => {
      expect(await statusesOf(server)).toEqual([404, 404, 404, 404]);
    });
    await withServer({ ...azure, LOCAL_CHAT: 'true' }, async (server) => {
      expect(await statusesOf(server)).toEqual([200, 200, 200, 200]);
    });
  });
});
