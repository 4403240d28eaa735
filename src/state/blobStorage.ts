/**
 * Conversation state in one Azure Blob Storage container, one JSON blob per
 * key: the same blob names and contents as botbuilder-azure-blobs'
 * BlobsStorage (so state written by either reads in the other, which a test
 * checks), with three differences that an outage needs:
 *
 * - every request is abandoned after `tryTimeoutMs`, or when the turn's
 *   storage time is up if that is sooner. BlobsStorage passes no
 *   abort signal, and the storage SDK's `tryTimeoutInMs` only asks the
 *   server to give up, so a storage account that accepts a connection and
 *   never answers held a turn for as long as the socket lived;
 * - a container that has gone (a fresh account, or deleted by an operator)
 *   is created again on the first write that finds it missing. BlobsStorage
 *   creates it once per process and remembers that, so it never recovered;
 * - the SDK retries nothing: retrying is ResilientStorage's job, which knows
 *   the turn's time budget and never repeats a write that may have landed.
 *
 * It creates nothing but its own container, and only when it is missing.
 */
import type { BlobDownloadResponseParsed, ContainerClient } from '@azure/storage-blob';
import type { StoreItem, StoreItems } from 'botbuilder';
import { text } from 'node:stream/consumers';
import { storageTimeLeft, type DeadlineStorage } from './deadline';

export interface BlobStateOptions {
  /** How long one request to storage may take before it is abandoned. */
  tryTimeoutMs: number;
  /** Told each time the container was missing and has been created again. */
  onContainerCreated?: () => void;
}

/**
 * BlobsStorage's blob name for a key (botbuilder-azure-blobs 4.23.3,
 * sanitizeBlobKey): empty path segments dropped, URI-encoded, at most 1024
 * characters. Copied rather than imported from the package's internals.
 */
export function blobName(key: string): string {
  if (!key) throw new Error('Please provide a non-empty key');
  const joined = key
    .split('/')
    .reduce((acc, part, idx) => (part ? [acc, part].join(idx < 255 ? '/' : '') : acc));
  return encodeURIComponent(joined).slice(0, 1024);
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number } | null)?.statusCode;
}

function codeOf(err: unknown): string | undefined {
  return (err as { code?: string } | null)?.code;
}

export function isContainerMissing(err: unknown): boolean {
  return statusOf(err) === 404 && codeOf(err) === 'ContainerNotFound';
}

export class BlobStateStorage implements DeadlineStorage {
  private readonly container: ContainerClient;

  constructor(
    connectionString: string,
    containerName: string,
    private readonly options: BlobStateOptions,
  ) {
    // Loaded here rather than imported: the Azure Storage SDK is about a fifth of a second of start-up,
    // which a bot keeping its state in memory never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sdk = require('@azure/storage-blob') as typeof import('@azure/storage-blob');
    this.container = new sdk.ContainerClient(connectionString, containerName, {
      retryOptions: { maxTries: 1 },
    });
  }

  /** A request's time: its own limit, or less when the turn it serves has less left. */
  private deadline(deadlineAt?: number): AbortSignal {
    return AbortSignal.timeout(
      Math.max(1, Math.min(this.options.tryTimeoutMs, storageTimeLeft(performance.now(), deadlineAt))),
    );
  }

  async read(keys: string[], deadlineAt?: number): Promise<StoreItems> {
    const found = await Promise.all(
      keys.map(async (key) => [key, await this.readOne(key, deadlineAt)] as const),
    );
    return Object.fromEntries(found.filter(([, item]) => item !== undefined));
  }

  private async readOne(key: string, deadlineAt?: number): Promise<StoreItem | undefined> {
    const abortSignal = this.deadline(deadlineAt);
    let blob: BlobDownloadResponseParsed;
    try {
      blob = await this.container.getBlobClient(blobName(key)).download(0, undefined, { abortSignal });
    } catch (err) {
      // No blob, or no container at all: nothing is stored for this key (the next write recreates the container).
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
    if (!blob.readableStreamBody) return undefined;
    const parsed = JSON.parse(await text(blob.readableStreamBody)) as StoreItem;
    return { ...parsed, eTag: blob.etag };
  }

  async write(changes: StoreItems, deadlineAt?: number): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        const { eTag, ...change } = item as StoreItem;
        const body = JSON.stringify(change);
        const upload = () =>
          this.container.getBlockBlobClient(blobName(key)).upload(body, Buffer.byteLength(body), {
            conditions: typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? { ifMatch: eTag } : {},
            blobHTTPHeaders: { blobContentType: 'application/json' },
            abortSignal: this.deadline(deadlineAt),
          });
        try {
          try {
            await upload();
          } catch (err) {
            // Nothing was written (there was nowhere to write it), so writing again cannot apply it twice.
            if (!isContainerMissing(err)) throw err;
            await this.createContainer(deadlineAt);
            await upload();
          }
        } catch (err) {
          // BlobsStorage's wording, which the turn runner (and botbuilder) know as a lost race.
          if (statusOf(err) === 412)
            throw new Error(`Storage: error writing "${key}" due to eTag conflict.`, { cause: err });
          throw err;
        }
      }),
    );
  }

  async delete(keys: string[], deadlineAt?: number): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        try {
          await this.container.deleteBlob(blobName(key), { abortSignal: this.deadline(deadlineAt) });
        } catch (err) {
          if (statusOf(err) !== 404) throw err;
        }
      }),
    );
  }

  /**
   * Whether the container can be reached, for start-up and readiness: its
   * properties are read, and a missing container is created again (this
   * app's own container, nothing else). Throws what storage said otherwise.
   */
  async probe(): Promise<void> {
    try {
      await this.container.getProperties({ abortSignal: this.deadline() });
    } catch (err) {
      if (!isContainerMissing(err)) throw err;
      await this.createContainer();
    }
  }

  private async createContainer(deadlineAt?: number): Promise<void> {
    const created = await this.container.createIfNotExists({ abortSignal: this.deadline(deadlineAt) });
    if (created.succeeded) this.options.onContainerCreated?.();
  }
}
