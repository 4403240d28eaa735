/**
 * A fake Bot Connector (the Teams service a bot posts its messages to): a
 * small HTTP server on an ephemeral loopback port that records every call
 * and answers as Teams does. Activities sent to the bot carry its URL as
 * their serviceUrl, so the real app's replies, new channel threads, card
 * updates and proactive messages all land here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardText, expectTeamsCard } from './cards';

export interface ConnectorCall {
  method: string;
  /** The conversation the call is about (decoded); '' for creating one. */
  conversationId: string;
  /** The activity id in the path (a reply's or an update's target), if any. */
  activityId?: string;
  body: Record<string, unknown>;
  /** What the fake connector answered. */
  status?: number;
  response?: Record<string, unknown>;
}

export interface FakeConnector {
  /** The serviceUrl to put on activities, with the trailing slash Teams uses. */
  url: string;
  calls: ConnectorCall[];
  /** Messages posted into a conversation (new messages and replies). */
  messages(conversationId: string): ConnectorCall[];
  /** New conversations (channel threads) the bot started: POST /v3/conversations. */
  created(): ConnectorCall[];
  /** Card updates: PUT /v3/conversations/{id}/activities/{activityId}. */
  updates(): ConnectorCall[];
  /** Answers the next call of this kind with this HTTP status instead. */
  failNext(kind: 'new-thread' | 'update', status: number): void;
  close(): Promise<void>;
}

/** What a Teams user reads in a call's activity: its text, or its card's words when the card travels alone. */
export function shownIn(call: ConnectorCall): string {
  const body = call.body as { text?: string; attachments?: Array<{ content: unknown }> };
  const card = body.attachments?.[0]?.content;
  if (card) expectTeamsCard(card, `card sent with ${call.method} ${call.conversationId}`);
  return [body.text ?? '', card ? cardText(card) : ''].filter(Boolean).join('\n');
}

/** The card a call carried (posted or put in place). */
export function cardOf(call: ConnectorCall): Record<string, unknown> {
  const body = call.body as { attachments?: Array<{ content: Record<string, unknown> }> };
  return body.attachments![0]!.content;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ kind: 'new-thread' | 'update'; status: number }> = [];
  let nextId = 1_700_000_000_000;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://connector');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const call: ConnectorCall = { method, conversationId: parts[2] ?? '', activityId: parts[4], body };
    const reply = (status: number, json: Record<string, unknown>) => {
      call.status = status;
      call.response = json;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return reply(404, { error: 'not found' });
    calls.push(call);
    const kind = method === 'PUT' ? 'update' : method === 'POST' && parts.length === 2 ? 'new-thread' : null;
    const failure = failures.findIndex((f) => f.kind === kind);
    if (failure >= 0) {
      const { status } = failures.splice(failure, 1)[0]!;
      return reply(status, {
        error: { code: 'ServiceError', message: 'the fake connector was told to fail' },
      });
    }
    const id = String(nextId++);
    if (method === 'POST' && parts.length === 2) {
      // A new thread in a channel: Teams names it after the channel and the thread's first message.
      const channel =
        (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? 'conversation';
      return reply(201, { id: `${channel};messageid=${id}`, activityId: id });
    }
    if (method === 'POST' && parts[3] === 'activities') return reply(201, { id });
    if (method === 'PUT' && parts[3] === 'activities') return reply(200, { id: parts[4] });
    return reply(404, { error: 'not found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    messages: (conversationId) =>
      calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId),
    created: () => calls.filter((c) => c.method === 'POST' && c.conversationId === '' && c.status === 201),
    updates: () => calls.filter((c) => c.method === 'PUT'),
    failNext(kind, status) {
      failures.push({ kind, status });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
