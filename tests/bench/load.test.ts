/** Keeps `npm run bench:load` true: its script and its checks, at a size that suits the test run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationScript, runLoad, TURNS_PER_CONVERSATION } from '../../bench/load';
import { startTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the load script', () => {
  it('gives every conversation twenty turns with two screenings to check', () => {
    for (let n = 0; n < 200; n++) {
      const { turns, checks } = conversationScript(n);
      expect(turns).toHaveLength(TURNS_PER_CONVERSATION);
      expect(checks).toHaveLength(2);
      for (const check of checks) expect(turns[check.afterTurn]).toBe(check.screening.turns.at(-1));
    }
  });

  it('runs concurrent conversations to their own outcomes with no errors', async () => {
    const result = await runLoad(server.url, 12, 'smoke');
    expect(result.errors).toEqual([]);
    expect(result.wrongOutcomes).toEqual([]);
    expect(result.requests).toBe(12 * TURNS_PER_CONVERSATION);
  });

  it('notices when two conversations’ turns land in one chat', async () => {
    // Two runs sharing one conversation id: their answers mix, so the checks must catch it.
    const mixed = await Promise.all([runLoad(server.url, 1, 'shared'), runLoad(server.url, 1, 'shared')]);
    expect(mixed.flatMap((r) => [...r.wrongOutcomes, ...r.errors]).length).toBeGreaterThan(0);
  });
});
