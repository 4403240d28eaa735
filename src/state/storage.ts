import { MemoryStorage, type Storage } from 'botbuilder';
import { BlobStateStorage } from './blobStorage';
import type { StorageConfig } from './config';

/** Where state lives, and how to ask whether it can be reached (start-up and /readyz). */
export interface StateBackend {
  kind: 'memory' | 'blob' | 'custom';
  storage: Storage;
  /** Resolves when storage can be reached; throws what storage said otherwise. */
  probe(): Promise<void>;
}

export interface BackendOptions {
  /** How long one request to storage may take (see ResilientStorage's policy). */
  tryTimeoutMs: number;
  onContainerCreated?: () => void;
}

export function createBackend(config: StorageConfig, options: BackendOptions): StateBackend {
  if (config.kind === 'memory')
    return { kind: 'memory', storage: new MemoryStorage(), probe: async () => {} };
  const storage = new BlobStateStorage(config.connectionString, config.container, options);
  return { kind: 'blob', storage, probe: () => storage.probe() };
}

/** A storage handed in (by a test): probed by reading one key. */
export function customBackend(storage: Storage): StateBackend {
  return {
    kind: 'custom',
    storage,
    probe: async () => {
      await storage.read(['readiness-check']);
    },
  };
}

/** Probes once so a wrong key or container fails at start-up, not on a practitioner's first message. */
export async function checkStorage(backend: StateBackend): Promise<void> {
  try {
    await backend.probe();
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    throw new Error(
      `storage is not reachable${status ? ` (HTTP ${status})` : ''}: check AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER`,
      { cause: err },
    );
  }
}

/** MemoryStorage and the blob store (in BlobsStorage's words) report a lost race on one conversation's state with this wording; Azure itself says 412. */
export function isETagConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /eTag conflict/i.test(err.message) || (err as { statusCode?: number }).statusCode === 412;
}
