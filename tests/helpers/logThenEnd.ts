/**
 * A child process for tests/log.test.ts: logs `count` numbered lines through
 * the bot's own logger (standard output), a hundred per turn of the event
 * loop as a busy bot would, says on stderr when it has logged them all, then
 * ends the way `how` says, so the test can check that no line is lost.
 *
 *   node logThenEnd.js <count> <throw|reject|exit|end> [console|untouched] [later]     (compiled by the test)
 *
 * With `console`, something has written to process.stdout before the logger
 * starts, as a library might: Node then has standard output open as a
 * non-blocking stream, and a full pipe answers "try again" to every write.
 * With `later`, every other line is logged as one that may wait (afterResponse).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterResponse, createLogger } from '../../src/log';

const count = Number(process.argv[2]);
const how = process.argv[3];
if (process.argv[4] === 'console') console.log(JSON.stringify({ event: 'console-line' }));
const log = createLogger();
const mayWait = process.argv[5] === 'later' ? afterResponse(log) : log;

async function main(): Promise<void> {
  for (let n = 0; n < count; n++) {
    (n % 2 === 1 ? mayWait : log).info({ event: 'test-line', n }, 'a numbered line');
    // Lines are written between turns of the event loop: a logger that waited for its reader would stop here.
    if (n % 100 === 99) await nextTurn();
  }
  process.stderr.write('logged\n');
  // A moment for the reader to be shown not draining, then the ending under test.
  setTimeout(() => {
    if (how === 'throw') throw new Error('a crash after logging');
    if (how === 'reject') void Promise.reject(new Error('an unhandled rejection after logging'));
    if (how === 'exit') process.exit(3);
    // 'end': nothing left to do, so the process ends by itself.
  }, 50);
}

void main();
