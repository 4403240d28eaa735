/**
 * The blob store under the bot's state, against Azurite: the same blobs as
 * botbuilder's BlobsStorage (state written before this change still reads),
 * a deleted container created again on the next write, and a storage
 * account that stops answering abandoned in bounded time.
 */
import { ContainerClient } from '@azure/storage-blob';

import { BlobsStorage } from 'botbuilder-azure-blobs';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStateStorage, blobName } from '../../src/state/blobStorage';
import { isETagConflict } from '../../src/state/storage';
import { startAzurite, type Azurite } from '../helpers/azurite';

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

/** A stored item as read back: its fields and the version it was read at. */
type Stored = { eTag: string } & Record<string, unknown>;

const KEY = 'msteams/conversations/a:1Xy-Zoë/with//slashes';

function store(container: string, onContainerCreated?: () => void): BlobStateStorage {
  return new BlobStateStorage(azurite.connectionString, container, {
    tryTimeoutMs: 2_500,
    onContainerCreated,
  });
}

describe('the blob store', () => {
  it('reads what BlobsStorage wrote, and BlobsStorage reads what it writes, blob for blob', async () => {
    const theirs = new BlobsStorage(azurite.connectionString, 'compat');
    const ours = store('compat');
    await theirs.write({ [KEY]: { flow: { id: 'cserq4', state: { step: 'q3' } }, eTag: '*' } });
    const read = (await ours.read([KEY]))[KEY] as Stored;
    expect(read).toMatchObject({ flow: { id: 'cserq4', state: { step: 'q3' } } });
    expect(typeof read.eTag).toBe('string');

    await ours.write({ [KEY]: { ...read, lastTurnAt: 'then' } });
    expect((await theirs.read([KEY]))[KEY]).toMatchObject({ lastTurnAt: 'then', flow: { id: 'cserq4' } });
    expect((await azurite.blobs('compat')).map((b) => b.name)).toEqual([blobName(KEY)]);
  });

  it('refuses a write made on top of a version that has since changed, in the words the turn runner knows', async () => {
    const ours = store('conflicts');
    await ours.write({ k: { n: 1, eTag: '*' } });
    const first = (await ours.read(['k']))['k'] as Stored;
    await ours.write({ k: { n: 2, eTag: first.eTag } });
    const err: unknown = await ours.write({ k: { n: 3, eTag: first.eTag } }).catch((e: unknown) => e);
    expect(isETagConflict(err)).toBe(true);
    expect((await ours.read(['k']))['k']).toMatchObject({ n: 2 });
  });

  it('creates its container again when an operator deleted it, on the next write', async () => {
    let created = 0;
    const ours = store('deleted', () => created++);
    await ours.probe();
    expect(created).toBe(1);
    await ours.write({ k: { n: 1, eTag: '*' } });
    await new ContainerClient(azurite.connectionString, 'deleted').delete();

    expect(await ours.read(['k'])).toEqual({});
    await ours.write({ k: { n: 2, eTag: '*' } });
    expect(created).toBe(2);
    expect((await ours.read(['k']))['k']).toMatchObject({ n: 2 });
  });

  it('abandons a request to a storage account that accepts the connection and never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const hung = new BlobStateStorage(
        azurite.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`),
        'hung',
        { tryTimeoutMs: 300 },
      );
      for (const call of [() => hung.read(['k']), () => hung.write({ k: { n: 1 } }), () => hung.probe()]) {
        const started = Date.now();
        const err = await call().then(
          () => null,
          (e: unknown) => e as Error,
        );
        expect(err?.name).toBe('AbortError');
        expect(Date.now() - started).toBeLessThan(2_000);
      }
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });
});
