/**
 * Where the bot's log lines go: standard output, written without holding up
 * a turn, and without losing a line when the process ends.
 *
 * A log call only queues its line. The queue is written as soon as the code
 * that logged has run (a microtask, so a turn's line still goes out before
 * its HTTP response), in one write for every line queued meanwhile, from the
 * main thread, to standard output in non-blocking mode: when the reader (App
 * Service's log collector, a terminal, the bench) is not keeping up, the write
 * takes what fits and the rest waits for the next try instead of stalling
 * every conversation. Before, pino wrote each line through process.stdout, a
 * stream write per line.
 *
 * Why not pino's own asynchronous destination (sonic-boom, sync: false)? It
 * writes from libuv's thread pool, and on exit it cannot see a chunk whose
 * write is in flight or waiting to be retried: once anything has written to
 * process.stdout (which leaves standard output non-blocking), a crash with a
 * reader that was not draining lost a 16 KB run of lines in
 * tests/log.test.ts. Writing through process.stdout itself, as before, lost
 * everything still queued. Here every write is made and accounted for on the
 * main thread, so on 'exit' (process.exit(), a normal end, an uncaught
 * exception, an unhandled rejection) what is left is known exactly and is
 * written synchronously, waiting for the reader up to EXIT_WAIT_MS. A SIGKILL or an
 * abort leaves no chance to write anything.
 *
 * A line that says what already happened after a reply went out (the
 * request line, logged once the HTTP response is written) may wait instead
 * (writeLater): it goes out with the next line that cannot wait, in the same
 * write, or after LATER_MS when none comes. Each write to the pipe wakes its
 * reader; a separate write after every response was a second wake-up per
 * request, and cost a contacts turn about 50 µs of CPU (a fifth of what the
 * bot adds to a turn of the echo bot) on a 2-core VM. The order of lines is
 * kept (one queue), and the exit flush writes waiting lines like any other.
 */
import { writeSync } from 'node:fs';

/** How long the process may wait on exit for a reader that is not draining. */
export const EXIT_WAIT_MS = 5_000;
/** Past this much unwritten output the reader has stalled; later lines are counted, not kept. */
export const MAX_QUEUED_BYTES = 32 * 1024 * 1024;
/** How soon to try again when the reader's pipe is full. */
const RETRY_MS = 5;
/** How long a line written with writeLater waits, at most, for another line to go out with. */
export const LATER_MS = 200;

export class LineWriter {
  private queue: string[] = [];
  private queuedBytes = 0;
  /** Bytes taken off the queue whose write has not finished: always whole lines, in order. */
  private partial: Buffer | null = null;
  private scheduled = false;
  private laterTimer: NodeJS.Timeout | null = null;
  private dropped = 0;
  private broken = false;

  constructor(private readonly fd: number) {}

  /** pino's destination interface: one complete line, newline included, written as soon as the code that logged has run. */
  write(line: string): void {
    if (!this.enqueue(line)) return;
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.drainSoon);
    }
  }

  /** The same for a line that may wait: it goes out with the next write(), or within LATER_MS. */
  writeLater(line: string): void {
    if (!this.enqueue(line) || this.scheduled || this.laterTimer) return;
    this.laterTimer = setTimeout(this.flushLater, LATER_MS);
    // Never what keeps the process alive: 'exit' writes whatever is left.
    this.laterTimer.unref();
  }

  private enqueue(line: string): boolean {
    if (this.broken) return false;
    if (this.queuedBytes > MAX_QUEUED_BYTES) {
      this.dropped += 1;
      return false;
    }
    this.queue.push(line);
    // An estimate (UTF-16 units), good enough for a limit that should never be reached.
    this.queuedBytes += line.length;
    return true;
  }

  private readonly flushLater = (): void => {
    this.laterTimer = null;
    // A drain already scheduled (or waiting on a full pipe) takes the waiting lines with it.
    if (!this.scheduled) this.drainSoon();
  };

  private readonly drainSoon = (): void => {
    this.scheduled = false;
    if (this.drain() === 'wait') {
      this.scheduled = true;
      setTimeout(this.drainSoon, RETRY_MS).unref();
    }
  };

  /** Writes as much as the reader takes now. */
  private drain(): 'done' | 'wait' {
    for (;;) {
      if (!this.partial) {
        if (this.dropped > 0) {
          this.queue.push(droppedLine(this.dropped));
          this.dropped = 0;
        }
        if (this.queue.length === 0) return 'done';
        this.partial = Buffer.from(this.queue.join(''), 'utf8');
        this.queue = [];
        this.queuedBytes = 0;
      }
      let written: number;
      try {
        written = writeSync(this.fd, this.partial);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return 'wait';
        // EPIPE, EBADF…: nobody is reading any more, and a log failure must not take the bot down.
        this.broken = true;
        this.partial = null;
        this.queue = [];
        return 'done';
      }
      this.partial = written < this.partial.length ? this.partial.subarray(written) : null;
    }
  }

  /** Writes everything still queued, waiting for the reader up to waitMs. For 'exit'. */
  flushSync(waitMs = EXIT_WAIT_MS): void {
    const until = Date.now() + waitMs;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (this.drain() === 'wait' && Date.now() < until) Atomics.wait(pause, 0, 0, 1);
  }
}

function droppedLine(count: number): string {
  return `${JSON.stringify({ level: 40, time: Date.now(), event: 'log-lines-dropped', count, msg: 'the log reader stalled; lines were dropped' })}\n`;
}

/**
 * Descriptor 1, made non-blocking where a reader can fall behind: creating
 * process.stdout for a pipe or a socket opens it as a libuv stream, which sets
 * the descriptor to non-blocking mode (uv_pipe_open, uv_tcp_open), so a full
 * pipe answers "try again" instead of stopping the process. A file never
 * fills; a terminal stays blocking, as Node leaves it.
 */
function nonBlockingStandardOutput(): number {
  return process.stdout.fd;
}

let stdoutWriter: LineWriter | undefined;

/** The one writer for standard output, flushed when the process exits. */
export function standardOutput(): LineWriter {
  if (!stdoutWriter) {
    const writer = new LineWriter(nonBlockingStandardOutput());
    process.once('exit', () => writer.flushSync());
    stdoutWriter = writer;
  }
  return stdoutWriter;
}
