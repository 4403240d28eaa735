import { MemoryStorage, type Storage } from 'botbuilder';
import type { BlobsStorage as BlobsStorageClass } from 'botbuilder-azure-blobs';
import type { StorageConfig } from './config';

/**
 * Bounds every storage call so a stalled storage account turns into a failed
 * turn ("please send that again") instead of a request that never answers.
 */
const BLOB_RETRY = { maxTries: 3, tryTimeoutInMs: 10_000, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 };

export function createStorage(config: StorageConfig): Storage {
  if (config.kind === 'memory') return new MemoryStorage();
  // Loaded only here: the Azure Storage SDK is about a fifth of a second of start-up that memory storage never uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { BlobsStorage } = require('botbuilder-azure-blobs') as { BlobsStorage: typeof BlobsStorageClass };
  return new BlobsStorage(config.connectionString, config.container, {
    storagePipelineOptions: { retryOptions: BLOB_RETRY },
  });
}

/** Reads one key so a wrong key or container fails at start-up, not on a practitioner's first message. */
export async function checkStorage(storage: Storage): Promise<void> {
  try {
    await storage.read(['startup-check']);
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    throw new Error(
      `storage is not reachable${status ? ` (HTTP ${status})` : ''}: check AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER`,
      { cause: err },
    );
  }
}

/** Both MemoryStorage and BlobsStorage report a lost race on one conversation's state with this wording; Azure itself says 412. */
export function isETagConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return /eTag conflict/i.test(err.message) || (err as { statusCode?: number }).statusCode === 412;
}
