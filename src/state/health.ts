/**
 * Whether conversation storage is up, as every storage call and readiness
 * check finds it: one log line when it goes down, one when it comes back
 * (with how long it was down), and nothing in between however many turns
 * fail. Lines carry a reason code chosen here, never an error message, a
 * URL, a key or anything a practitioner typed.
 */
import type { Logger } from '../log';

/** Why a storage call failed, in words an operator can act on. */
export type FailureReason =
  /** No connection: refused, no route, or the name did not resolve. */
  | 'unreachable'
  /** Connected, but no answer within the time allowed. */
  | 'timeout'
  /** The account refused the credentials (a rotated or wrong key). */
  | 'forbidden'
  /** Storage answered that it is busy or failing (429, 5xx). */
  | 'storage-error'
  /** Anything else. */
  | 'error';

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'REQUEST_SEND_ERROR',
]);
const BUSY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export interface Classified {
  reason: FailureReason;
  /** Worth trying again: the failure may pass in a moment. */
  transient: boolean;
  /** The request surely never reached storage, so even a write may be sent again. */
  notSent: boolean;
}

export function classifyStorageError(err: unknown): Classified {
  const e = (err ?? {}) as { code?: unknown; name?: unknown; statusCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (CONNECT_CODES.has(code)) return { reason: 'unreachable', transient: true, notSent: true };
  if (CONNECTION_CODES.has(code)) return { reason: 'unreachable', transient: true, notSent: false };
  if (e.name === 'AbortError' || code === 'ABORT_ERR' || e.name === 'TimeoutError')
    return { reason: 'timeout', transient: true, notSent: false };
  if (status === 401 || status === 403) return { reason: 'forbidden', transient: false, notSent: false };
  if (status !== undefined && BUSY_STATUSES.has(status))
    return { reason: 'storage-error', transient: true, notSent: false };
  return { reason: 'error', transient: false, notSent: false };
}

export class StorageHealth {
  private downSince: number | null = null;
  private lastReason: FailureReason | null = null;

  constructor(
    private readonly log: Logger,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /** Why storage is down, or null when it is up. */
  get reason(): FailureReason | null {
    return this.downSince === null ? null : this.lastReason;
  }

  /** Storage answered (an eTag conflict counts: it is an answer). */
  succeeded(): void {
    if (this.downSince === null) return;
    const downMs = this.clock() - this.downSince;
    this.downSince = null;
    this.lastReason = null;
    this.log.info({ event: 'storage-up', downMs }, 'conversation storage is back');
  }

  failed(reason: FailureReason): void {
    this.lastReason = reason;
    if (this.downSince !== null) return;
    this.downSince = this.clock();
    this.log.error({ event: 'storage-down', reason }, 'conversation storage is down');
  }

  containerCreated(): void {
    this.log.warn(
      { event: 'storage-container-created' },
      'the conversation state container did not exist and has been created',
    );
  }
}
