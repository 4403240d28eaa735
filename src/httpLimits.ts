import type { Server } from 'node:http';
import type restify from 'restify';

/**
 * How long one client may hold a connection. Without these a client that
 * sends a byte a second keeps a socket (and its memory) for as long as it
 * likes; enough of them and real requests queue behind them.
 */
export interface HttpTimeouts {
  /** Until the request's headers are complete. */
  headersMs: number;
  /** Until the whole request, body included, has arrived. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveMs: number;
  /** How often Node checks the two limits above (its default is 30 s, which would let a slow client stay 30 s over). */
  checkEveryMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

/** Must run before listen(): Node reads the checking interval when the server starts listening. */
export function applyHttpTimeouts(server: restify.Server, timeouts: HttpTimeouts): void {
  const http = server.server as Server;
  http.headersTimeout = timeouts.headersMs;
  http.requestTimeout = timeouts.requestMs;
  http.keepAliveTimeout = timeouts.keepAliveMs;
  (http as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    timeouts.checkEveryMs;
}
