/**
 * The environment variables for where conversation state lives and how long
 * an untouched screening may wait. Kept apart from src/config.ts so storage
 * can change without touching the bot's other settings; config.ts merges
 * these into its one schema so every error is still one line.
 */
import { z } from 'zod';
import { emptyToUndefined, wholeNumberVar } from '../envValues';

export const DEFAULT_SCREENING_TIMEOUT_MINUTES = 30;

const CONNECTION_STRING_HINT =
  'expected an Azure Storage connection string such as ' +
  '"DefaultEndpointsProtocol=https;AccountName=<account>;AccountKey=<key>;EndpointSuffix=core.windows.net" ' +
  "(the storage account's Access keys page)";

/** Azure's own rules for a container name, so a typo fails at start-up rather than on the first turn. */
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/** The parts of a connection string; values may themselves contain "=" (base64 keys, SAS tokens). */
export function parseConnectionString(raw: string): Map<string, string> | null {
  const parts = new Map<string, string>();
  for (const segment of raw.split(';')) {
    if (segment.trim() === '') continue;
    const eq = segment.indexOf('=');
    if (eq <= 0) return null;
    parts.set(segment.slice(0, eq).trim(), segment.slice(eq + 1).trim());
  }
  return parts;
}

function isUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An account key (base64) with an endpoint, or a SAS with a blob endpoint, or the emulator shortcut. */
export function isUsableConnectionString(raw: string): boolean {
  const parts = parseConnectionString(raw);
  if (!parts) return false;
  if (parts.get('UseDevelopmentStorage') === 'true') return true;
  const blobEndpoint = parts.get('BlobEndpoint');
  if (blobEndpoint !== undefined && !isUrl(blobEndpoint)) return false;
  const key = parts.get('AccountKey');
  if (parts.get('AccountName') && key) {
    return (
      /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
      (blobEndpoint !== undefined || parts.has('DefaultEndpointsProtocol'))
    );
  }
  return blobEndpoint !== undefined && Boolean(parts.get('SharedAccessSignature'));
}

export const storageEnvShape = {
  STORAGE: z.preprocess(
    emptyToUndefined,
    z.enum(['memory', 'blob'], { error: 'expected memory or blob' }).default('memory'),
  ),
  AZURE_STORAGE_CONNECTION_STRING: z.preprocess(
    emptyToUndefined,
    z.string().refine(isUsableConnectionString, { error: CONNECTION_STRING_HINT }).optional(),
  ),
  AZURE_STORAGE_CONTAINER: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(CONTAINER_NAME, {
        error:
          'expected a container name of 3 to 63 lower-case letters, digits and single hyphens, such as bot-state',
      })
      .optional(),
  ),
  SCREENING_TIMEOUT_MINUTES: wholeNumberVar(
    1,
    1440,
    DEFAULT_SCREENING_TIMEOUT_MINUTES,
    'expected a whole number of minutes from 1 to 1440',
  ),
};

/** Variables whose values are secrets: a configuration error names them but never echoes them. */
export const SECRET_VARIABLES = ['AZURE_STORAGE_CONNECTION_STRING'];

type StorageEnv = {
  STORAGE: 'memory' | 'blob';
  AZURE_STORAGE_CONNECTION_STRING?: string;
  AZURE_STORAGE_CONTAINER?: string;
};

export function refineStorageEnv(env: StorageEnv, ctx: z.RefinementCtx): void {
  if (env.STORAGE !== 'blob') return;
  if (!env.AZURE_STORAGE_CONNECTION_STRING) {
    ctx.addIssue({
      code: 'custom',
      path: ['AZURE_STORAGE_CONNECTION_STRING'],
      message: `required when STORAGE is blob: ${CONNECTION_STRING_HINT}`,
    });
  }
  if (!env.AZURE_STORAGE_CONTAINER) {
    ctx.addIssue({
      code: 'custom',
      path: ['AZURE_STORAGE_CONTAINER'],
      message: 'required when STORAGE is blob: the blob container for conversation state, such as bot-state',
    });
  }
}

export type StorageConfig =
  { kind: 'memory' } | { kind: 'blob'; connectionString: string; container: string };

export function storageConfigFrom(env: StorageEnv): StorageConfig {
  if (env.STORAGE === 'memory') return { kind: 'memory' };
  return {
    kind: 'blob',
    connectionString: env.AZURE_STORAGE_CONNECTION_STRING!,
    container: env.AZURE_STORAGE_CONTAINER!,
  };
}
