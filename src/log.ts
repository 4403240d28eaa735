import pino, { type Logger } from 'pino';
import { standardOutput } from './logWriter';

/**
 * Structured logs carry turn metadata only (route, topic id, step name,
 * latency, outcome kind): never message text, card values, names or ages.
 * Callers pass plain metadata objects; there is deliberately no helper that
 * takes an activity.
 */
export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Where lines go instead of standard output (tests), written to as pino writes, line by line. */
  destination?: NodeJS.WritableStream;
}

/** Logs to standard output without blocking and without losing a line on exit (src/logWriter.ts). */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino({ level: options.level ?? 'info', base: undefined }, options.destination ?? standardOutput());
}
