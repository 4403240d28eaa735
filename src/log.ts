import pino, { type Logger } from 'pino';

/**
 * Structured logs carry turn metadata only (route, topic id, step name,
 * latency, outcome kind): never message text, card values, names or ages.
 * Callers pass plain metadata objects; there is deliberately no helper that
 * takes an activity.
 */
export type { Logger };

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino({ level: options.level ?? 'info', base: undefined }, options.destination ?? process.stdout);
}
