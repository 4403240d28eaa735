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

/** Each logger's twin for lines that may wait (see afterResponse). */
const waiting = new WeakMap<Logger, Logger>();

/** Logs to standard output without blocking and without losing a line on exit (src/logWriter.ts). */
export function createLogger(options: LoggerOptions = {}): Logger {
  const settings = { level: options.level ?? 'info', base: undefined };
  if (options.destination) return pino(settings, options.destination);
  const writer = standardOutput();
  const log = pino(settings, writer);
  waiting.set(log, pino(settings, { write: (line: string) => writer.writeLater(line) }));
  return log;
}

/**
 * The logger to use for a line about a request whose response has already
 * gone out: the same lines, in the same order, but written with the next line
 * that cannot wait (or within LATER_MS) rather than in a write of their own
 * (src/logWriter.ts says why). A logger with its own destination (the tests')
 * writes such lines at once, as before.
 */
export function afterResponse(log: Logger): Logger {
  return waiting.get(log) ?? log;
}
