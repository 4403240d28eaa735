/**
 * When the log writer writes: lines logged together go out in one write once
 * the event loop has finished what it was doing, and at once when flushed
 * (the turn runner flushes after a turn's line, so it leaves before the reply).
 */
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextLoop } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LineWriter } from '../src/logWriter';

const opened: number[] = [];
afterEach(() => {
  for (const fd of opened.splice(0)) closeSync(fd);
});

function writerToFile() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'log-writer-')), 'out.log');
  const fd = openSync(file, 'w');
  opened.push(fd);
  return { writer: new LineWriter(fd), written: () => readFileSync(file, 'utf8') };
}

describe('the log writer', () => {
  it('writes the lines queued together, in order, once the event loop has run what it was doing', async () => {
    const { writer, written } = writerToFile();
    writer.write('{"n":1}\n');
    writer.write('{"n":2}\n');
    await Promise.resolve();
    expect(written()).toBe('');
    await nextLoop();
    expect(written()).toBe('{"n":1}\n{"n":2}\n');
  });

  it('writes everything queued at once when flushed, and nothing twice afterwards', async () => {
    const { writer, written } = writerToFile();
    writer.write('{"event":"request"}\n');
    writer.write('{"event":"turn"}\n');
    let done = false;
    writer.flush(() => {
      done = true;
    });
    expect(done).toBe(true);
    expect(written()).toBe('{"event":"request"}\n{"event":"turn"}\n');
    await nextLoop();
    writer.write('{"event":"later"}\n');
    await nextLoop();
    expect(written()).toBe('{"event":"request"}\n{"event":"turn"}\n{"event":"later"}\n');
  });
});
