/**
 * A real Azure Storage emulator (Azurite's blob service) for the storage
 * tests and the load bench: in memory, on an ephemeral loopback port,
 * stopped by its process id.
 */
import { ContainerClient } from '@azure/storage-blob';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account, published by Microsoft; it opens nothing but the emulator. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  /** A connection string with the right account and a wrong key, for start-up failure tests. */
  badKeyConnectionString: string;
  pid: number;
  /** Every blob in the container with its content, for privacy assertions. */
  blobs(container: string): Promise<Array<{ name: string; text: string }>>;
  stop(): Promise<void>;
}

export async function startAzurite(): Promise<Azurite> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'azurite-'));
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
    ],
    // Azurite refuses --location with in-memory persistence; its cwd keeps any stray file out of the repo.
    { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${seen}`)), 20_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Azurite exited with ${code}: ${seen}`)));
  });
  const endpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  const connection = (key: string) =>
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${key};BlobEndpoint=${endpoint};`;
  const connectionString = connection(DEV_KEY);
  return {
    connectionString,
    badKeyConnectionString: connection(Buffer.from('not the key').toString('base64')),
    pid: child.pid!,
    async blobs(container) {
      const client = new ContainerClient(connectionString, container);
      const found: Array<{ name: string; text: string }> = [];
      if (!(await client.exists())) return found;
      for await (const blob of client.listBlobsFlat()) {
        const body = await client.getBlobClient(blob.name).downloadToBuffer();
        found.push({ name: blob.name, text: body.toString('utf8') });
      }
      return found;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(child.pid!, 'SIGTERM');
        const timer = setTimeout(() => child.pid && process.kill(child.pid, 'SIGKILL'), 3_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
