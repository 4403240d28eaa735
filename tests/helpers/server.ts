import type { Storage } from 'botbuilder';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { HttpTimeouts } from '../../src/httpLimits';
import { createLogger } from '../../src/log';

export interface TestServer extends RunningApp {
  logs: string[];
  /** Posts one message activity with expectReplies and returns the reply texts. */
  send(
    conversationId: string,
    body: Record<string, unknown>,
  ): Promise<{ status: number; texts: string[]; json: unknown }>;
}

/** Posts one activity as a local client does: a message with expectReplies, from one practitioner. */
export function postMessage(
  url: string,
  conversationId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      conversation: { id: conversationId },
      from: { id: 'practitioner', name: 'Sam Practitioner' },
      recipient: { id: 'bot' },
      ...body,
    }),
  });
}

/** The real app on an ephemeral loopback port, in local mode, with logs captured. */
export async function startTestServer(
  env: Record<string, string> = {},
  now?: () => Date,
  storage?: Storage,
  httpTimeouts?: Partial<HttpTimeouts>,
): Promise<TestServer> {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const config = loadConfig({ PORT: '0', ...env });
  const running = await startApp({ config, log: createLogger({ destination }), now, storage, httpTimeouts });
  return {
    ...running,
    logs,
    async send(conversationId, body) {
      const res = await postMessage(running.url, conversationId, body);
      const json = (await res.json().catch(() => null)) as { activities?: Array<{ text?: string }> } | null;
      return { status: res.status, json, texts: (json?.activities ?? []).map((a) => a.text ?? '') };
    },
  };
}
