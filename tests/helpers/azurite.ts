/**
 * A real Azure Storage emulator (Azurite's blob service) for the storage
 * tests and the load bench: in memory (or on disk in a temporary folder,
 * for outage tests that need the data back), on an ephemeral loopback port,
 * stopped by its process id.
 */
import { ContainerClient } from '@azure/storage-blob';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account, published by Microsoft; it opens nothing but the emulator. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  connectionString: string;
  /** A connection string with the right account and a wrong key, for start-up failure tests. */
  badKeyConnectionString: string;
  /** The running emulator's process id (a new one after each restart). */
  readonly pid: number;
  port: number;
  /** Every blob in the container with its content, for privacy assertions. */
  blobs(container: string): Promise<Array<{ name: string; text: string }>>;
  /** Stops the emulator by its process id, as an outage would; the workspace is kept for restart(). */
  kill(): Promise<void>;
  /**
   * Starts it again on the same port: with the blobs it had (when started
   * with `persist`, as a real account comes back), or empty (as a fresh
   * account does, with no container).
   */
  restart(options?: { empty?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Keep blobs on disk in a temporary folder, so that restart() brings them back. */
  persist?: boolean;
}

interface Running {
  child: ChildProcess;
  port: number;
}

function spawnAzurite(workspace: string, port: number, persist: boolean): Promise<Running> {
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const storageArgs = persist ? ['--location', workspace] : ['--inMemoryPersistence'];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      main,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      String(port),
      ...storageArgs,
      '--skipApiVersionCheck',
      '--loose',
      '--disableTelemetry',
      '--silent',
    ],
    // Azurite refuses --location with in-memory persistence; its cwd keeps any stray file out of the repo.
    { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise<Running>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${seen}`)), 20_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}: ${seen}`));
    });
  });
}

/** Stops one emulator process by its id: SIGTERM (Azurite saves its data and closes), SIGKILL if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(child.pid, 'SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const persist = options.persist ?? false;
  const workspace = mkdtempSync(path.join(tmpdir(), 'azurite-'));
  let running = await spawnAzurite(workspace, 0, persist);
  const port = running.port;
  const endpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
  const connection = (key: string) =>
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${key};BlobEndpoint=${endpoint};`;
  const connectionString = connection(DEV_KEY);
  return {
    connectionString,
    badKeyConnectionString: connection(Buffer.from('not the key').toString('base64')),
    get pid() {
      return running.child.pid!;
    },
    port,
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
    async kill() {
      await stopProcess(running.child);
    },
    async restart({ empty = false } = {}) {
      await stopProcess(running.child);
      if (empty) {
        rmSync(workspace, { recursive: true, force: true });
        mkdirSync(workspace);
      }
      running = await spawnAzurite(workspace, port, persist);
    },
    async stop() {
      await stopProcess(running.child);
      rmSync(workspace, { recursive: true, force: true });
    },
  };
}
