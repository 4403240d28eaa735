/**
 * Configuration from the environment, parsed once at start-up. A bad value
 * stops the process with one line naming the variable and what was expected.
 */
import { z } from 'zod';
import { emptyToUndefined, wholeNumberVar } from './envValues';
import { DEFAULT_KNOWLEDGE_DIR } from './knowledge/load';
import { DEFAULT_AREA_DIR } from './paths';
import {
  refineStorageEnv,
  SECRET_VARIABLES,
  storageConfigFrom,
  storageEnvShape,
  type StorageConfig,
} from './state/config';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A Teams team's id, as Teams sends it with every channel message (channelData.team.id). */
const TEAM_ID = /^19:[A-Za-z0-9_-]+@thread\.(tacv2|skype)$/;

export const DEFAULT_EXPERT_TICKET_DAYS = 14;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The team id from EXPERTS_TEAM_ID: the id itself ("19:…@thread.tacv2"), or
 * the link Teams gives with "Get link to team", which carries it in its path
 * (https://teams.microsoft.com/l/team/19%3a…%40thread.tacv2/conversations?…).
 * Null when it is neither.
 */
export function teamIdFrom(raw: string): string | null {
  const value = raw.trim();
  let candidate = value;
  if (/^https:\/\//i.test(value)) {
    let path: string;
    try {
      path = new URL(value).pathname;
    } catch {
      return null;
    }
    const match = /\/l\/team\/([^/]+)/.exec(path);
    if (!match) return null;
    candidate = match[1]!;
  }
  const id = decoded(candidate);
  return TEAM_ID.test(id) ? id : null;
}

/** Where the content is: the server and every CLI read these through this one schema. */
const contentEnvShape = {
  AREA_DIR: z.preprocess(emptyToUndefined, z.string().default(DEFAULT_AREA_DIR)),
  KNOWLEDGE_DIR: z.preprocess(emptyToUndefined, z.string().default(DEFAULT_KNOWLEDGE_DIR)),
};
const contentEnvSchema = z.object(contentEnvShape);

export const envSchema = z
  .object({
    MicrosoftAppId: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(GUID, {
          error: 'expected the Azure Bot app id, a GUID (32 hex digits as 8-4-4-4-12)',
        })
        .optional(),
    ),
    MicrosoftAppPassword: z.preprocess(emptyToUndefined, z.string().optional()),
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z
        .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
          error: 'expected MultiTenant, SingleTenant or UserAssignedMSI',
        })
        .default('MultiTenant'),
    ),
    MicrosoftAppTenantId: z.preprocess(
      emptyToUndefined,
      z.string().regex(GUID, { error: 'expected the Microsoft Entra tenant id, a GUID' }).optional(),
    ),
    PORT: wholeNumberVar(
      0,
      65535,
      3978,
      'expected a port number from 0 to 65535 (0 picks a free port)',
      'expected a whole port number from 0 to 65535',
    ),
    HOST: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[0-9a-zA-Z.:\-[\]]+$/, {
          error: 'expected an address to listen on, such as 0.0.0.0 or 127.0.0.1',
        })
        .default('0.0.0.0'),
    ),
    ...contentEnvShape,
    ...storageEnvShape,
    EXPERTS_TEAM_ID: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((v, ctx) => {
          const id = teamIdFrom(v);
          if (id === null) {
            ctx.addIssue({
              code: 'custom',
              message:
                'expected the safeguarding team\'s Teams id ("19:…@thread.tacv2") or its "Get link to team" link',
            });
            return z.NEVER;
          }
          return id;
        })
        .optional(),
    ),
    EXPERT_TICKET_DAYS: wholeNumberVar(
      1,
      90,
      DEFAULT_EXPERT_TICKET_DAYS,
      'expected a whole number of days from 1 to 90',
    ),
    LOCAL_CHAT: z.preprocess(
      (v) => (typeof v === 'string' ? emptyToUndefined(v.trim().toLowerCase()) : v),
      z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
    ),
  })
  .superRefine((env, ctx) => {
    refineStorageEnv(env, ctx);
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'expected the tenant id (a GUID) when MicrosoftAppType is SingleTenant',
      });
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && env.MicrosoftAppId && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'expected the app password (client secret) when MicrosoftAppId is set',
      });
    }
  });

export interface Config {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  port: number;
  /** The address the server listens on: always loopback in local mode, where nothing is authenticated. */
  host: string;
  localMode: boolean;
  areaDir: string;
  knowledgeDir: string;
  /** Where conversation state lives: in memory (one process) or Azure Blob Storage (restarts, scale-out). */
  storage: StorageConfig;
  /** A screening untouched for longer than this is cleared on the next turn. */
  screeningTimeoutMinutes: number;
  /** Serve the local test chat page at /: on by default in local mode only. */
  localChat: boolean;
  /** The hand-off to the safeguarding team: their Teams team (null: not set up), and how long a ticket lives. */
  experts: { teamId: string | null; ticketDays: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** One line naming the variable and what was expected; secrets are never echoed. */
function configError(error: z.ZodError, env: NodeJS.ProcessEnv): ConfigError {
  const issue = error.issues[0]!;
  const variable = issue.path.map(String).join('.');
  const got = env[variable];
  const shown =
    variable === 'MicrosoftAppPassword' || SECRET_VARIABLES.includes(variable) || got === undefined
      ? ''
      : ` (got "${got}")`;
  return new ConfigError(`Configuration error: ${variable}: ${issue.message}${shown}`);
}

/** The content folders alone, for the CLIs: the same variables, defaults and errors as the server's. */
export function loadContentConfig(env: NodeJS.ProcessEnv): Pick<Config, 'areaDir' | 'knowledgeDir'> {
  const parsed = contentEnvSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error, env);
  return { areaDir: parsed.data.AREA_DIR, knowledgeDir: parsed.data.KNOWLEDGE_DIR };
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error, env);
  const e = parsed.data;
  const localMode = e.MicrosoftAppId === undefined;
  return {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appType: e.MicrosoftAppType,
    tenantId: e.MicrosoftAppTenantId,
    port: e.PORT,
    host: localMode ? '127.0.0.1' : e.HOST,
    localMode,
    areaDir: e.AREA_DIR,
    knowledgeDir: e.KNOWLEDGE_DIR,
    storage: storageConfigFrom(e),
    screeningTimeoutMinutes: e.SCREENING_TIMEOUT_MINUTES,
    localChat: e.LOCAL_CHAT === undefined ? localMode : e.LOCAL_CHAT === 'true',
    experts: { teamId: e.EXPERTS_TEAM_ID ?? null, ticketDays: e.EXPERT_TICKET_DAYS },
  };
}
