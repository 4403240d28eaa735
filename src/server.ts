import type { Server } from 'node:http';
import { CloudAdapter, type ActivityHandler } from 'botbuilder';
import restify from 'restify';
import { z } from 'zod';
import { StrictBotFrameworkAuthentication } from './auth';
import type { Config } from './config';
import { readBody } from './httpBody';
import { afterResponse, type Logger } from './log';
import type { Readiness } from './state/readiness';

export const MAX_BODY_BYTES = 256 * 1024;

/** The least an activity needs before the adapter sees it; anything else is the client's mistake (400), not ours (500). */
const activityEnvelope = z.looseObject({
  type: z.string({ error: 'expected "type", a string' }).min(1, { error: 'expected "type", a string' }),
  channelId: z
    .string({ error: 'expected "channelId", a string' })
    .min(1, { error: 'expected "channelId", a string' }),
  conversation: z.looseObject(
    {
      id: z
        .string({ error: 'expected "conversation.id", a string' })
        .min(1, { error: 'expected "conversation.id", a string' }),
    },
    { error: 'expected "conversation", an object with an "id"' },
  ),
});

export function checkActivityBody(body: unknown): string | null {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'expected a JSON activity object';
  }
  // Every real turn passes; the schema runs only to word what is wrong with one that does not.
  if (hasEnvelope(body as Record<string, unknown>)) return null;
  const result = activityEnvelope.safeParse(body);
  return result.success ? null : result.error.issues[0]!.message;
}

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.length > 0;

/** activityEnvelope's rule, checked by hand on every request (tests/server/http.test.ts holds them to the same cases). */
function hasEnvelope(body: Record<string, unknown>): boolean {
  const conversation = body.conversation;
  return (
    nonEmpty(body.type) &&
    nonEmpty(body.channelId) &&
    typeof conversation === 'object' &&
    conversation !== null &&
    !Array.isArray(conversation) &&
    nonEmpty((conversation as Record<string, unknown>).id)
  );
}

export function createAdapter(
  config: Config,
  log: Logger,
  authSettings: Record<string, string> = {},
): CloudAdapter {
  const auth = new StrictBotFrameworkAuthentication({
    ...authSettings,
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error(
      {
        event: 'turn-error',
        error: error instanceof Error ? error.name : 'unknown',
        stack: error instanceof Error ? error.stack : undefined,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(
        'Sorry, something went wrong on my side. Please send that again. If a child is in immediate danger, call 999.',
      );
    } catch {
      // the reply channel itself failed; the log line above is all we can do
    }
  };
  return adapter;
}

export interface RunningServer {
  server: restify.Server;
  url: string;
  close(): Promise<void>;
}

export function createServer(
  adapter: CloudAdapter,
  bot: Pick<ActivityHandler, 'run'>,
  log: Logger,
  readiness: () => Promise<Readiness>,
): restify.Server {
  // The request line is logged once the response has gone out: it may wait for the next write.
  const requestLog = afterResponse(log);
  const server = restify.createServer({ name: 'safeguarding-bot', handleUncaughtExceptions: false });
  server.use(readBody(MAX_BODY_BYTES));

  // Liveness: the process answers. It says nothing about storage, on purpose (see README, Deployment).
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  // Readiness: whether conversation storage can be reached now.
  server.get('/readyz', async (_req, res) => {
    const { status, body } = await readiness();
    res.header('Cache-Control', 'no-store');
    res.send(status, body);
  });

  server.post('/api/messages', async (req, res) => {
    const started = process.hrtime.bigint();
    const problem = checkActivityBody(req.body);
    if (problem) {
      res.send(400, { error: `Bad request: ${problem}` });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
    requestLog.info(
      { event: 'request', status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
      'message handled',
    );
  });

  server.on('restifyError', (req, res, err: Error & { statusCode?: number }, callback: () => void) => {
    // restify's own refusals (no such route, wrong method) keep their 4xx; the body stays short.
    // The body reader (httpBody.ts) answers its own 400, 413 and 415 with the same wording.
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error({ event: 'server-error', error: err.name }, 'request failed');
    (err as unknown as { toJSON: () => unknown }).toJSON = () => ({
      error:
        status === 413
          ? 'Request body too large'
          : `Bad request: ${status === 400 ? 'the body is not valid JSON' : err.name}`,
    });
    callback();
  });
  return server;
}

export async function listen(server: restify.Server, port: number, host: string): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = (server.server as Server).address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${boundPort}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
