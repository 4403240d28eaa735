/**
 * The local test page: Bot Framework Web Chat, served from node_modules (never
 * a CDN: the machine may be offline, and nothing may be fetched at run time),
 * with our DirectLine-compatible connection from web/. A fixed list of files,
 * each read once, so no request path ever reaches the file system.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type restify from 'restify';
import type { Logger } from './log';
import { projectRoot } from './paths';

const JS = 'text/javascript; charset=utf-8';

/** Everything the page needs comes from this server; the browser refuses anything else. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Web Chat injects its styles at run time (emotion); 'self' alone would leave it unstyled.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The prebuilt bundle; the package's exports map hides dist/, so go from its main entry. */
export function webChatBundlePath(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

interface Asset {
  route: string;
  file: string;
  type: string;
}

function assets(): Asset[] {
  const web = path.join(projectRoot(), 'web');
  return [
    { route: '/', file: path.join(web, 'index.html'), type: 'text/html; charset=utf-8' },
    { route: '/local-chat/page.css', file: path.join(web, 'page.css'), type: 'text/css; charset=utf-8' },
    { route: '/local-chat/app.mjs', file: path.join(web, 'app.mjs'), type: JS },
    { route: '/local-chat/directLine.mjs', file: path.join(web, 'directLine.mjs'), type: JS },
    { route: '/local-chat/webchat.js', file: webChatBundlePath(), type: JS },
  ];
}

/**
 * Adds the page's routes. Returns false (and serves nothing) when Web Chat is
 * not installed, as after `npm ci --omit=dev`: the bot itself still runs.
 *
 * Start-up only checks that every file is there. Each is read when it is
 * first asked for, and kept: Web Chat's bundle is 3.9 MB, which reading at
 * start-up added to every local start (about 2.5 ms, and 4 MB of resident
 * memory) whether or not anyone opened the page.
 */
export function registerLocalChat(server: restify.Server, log: Logger): boolean {
  let loaded: Array<Asset & { body: () => Buffer }>;
  try {
    loaded = assets().map((asset) => {
      statSync(asset.file); // throws when it is missing, as reading it did
      let body: Buffer | undefined;
      return { ...asset, body: () => (body ??= readFileSync(asset.file)) };
    });
  } catch (err) {
    log.warn(
      { event: 'local-chat-unavailable', error: (err as NodeJS.ErrnoException).code ?? 'unknown' },
      'Local test chat is off: botframework-webchat or web/ is missing (run npm install)',
    );
    return false;
  }
  for (const { route, body, type } of loaded) {
    server.get(route, (_req, res, next) => {
      let bytes: Buffer;
      try {
        bytes = body();
      } catch (err) {
        // Removed since start-up (a reinstall while the bot runs): the page is gone, the bot is not.
        log.warn(
          { event: 'local-chat-unavailable', error: (err as NodeJS.ErrnoException).code ?? 'unknown' },
          'Local test chat file missing',
        );
        res.send(404, { error: 'Not found' });
        return next();
      }
      res.sendRaw(200, bytes, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        ...(route === '/' ? { 'Content-Security-Policy': PAGE_POLICY } : {}),
      });
      next();
    });
  }
  return true;
}
