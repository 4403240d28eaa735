/**
 * npm run package
 * Builds build/appPackage.zip, the file a Teams administrator uploads:
 * appPackage/manifest.json with its ${{...}} settings filled from the
 * environment, and the two icons. It refuses, saying what to set, when a
 * setting is missing or malformed, and checks the result against the Teams
 * manifest schema (shipped in @microsoft/app-manifest, read offline) and
 * the icon rules before writing anything.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';

export const ROOT = path.resolve(__dirname, '..');
export const APP_PACKAGE_DIR = path.join(ROOT, 'appPackage');
export const OUTPUT = path.join(ROOT, 'build', 'appPackage.zip');
export const SCHEMA_FILE = path.join(
  ROOT,
  'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.19/MicrosoftTeams.schema.json',
);

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PackageError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guid = (name: string) =>
  z
    .string({ error: `${name} is not set: the Azure Bot's Microsoft App ID, a GUID` })
    .regex(GUID, { error: `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000` });
const httpsUrl = (name: string, what: string) =>
  z
    .string({ error: `${name} is not set: ${what}` })
    .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', {
      error: `${name} must be an https:// address (${what})`,
    });

const settingsSchema = z.object({
  BOT_ID: guid('MicrosoftAppId (or BOT_ID)'),
  TEAMS_APP_ID: guid('TEAMS_APP_ID'),
  APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'the version in package.json must be x.y.z' }),
  APP_DEVELOPER_NAME: z
    .string({
      error:
        'APP_DEVELOPER_NAME is not set: who publishes the app, as Teams shows it (32 characters at most)',
    })
    .min(1)
    .max(32, { error: 'APP_DEVELOPER_NAME must be 32 characters at most' }),
  APP_WEBSITE_URL: httpsUrl('APP_WEBSITE_URL', 'the support page Teams links to'),
  APP_PRIVACY_URL: httpsUrl('APP_PRIVACY_URL', 'your privacy statement'),
  APP_TERMS_URL: httpsUrl('APP_TERMS_URL', 'your terms of use'),
});
export type PackageSettings = z.infer<typeof settingsSchema>;

/** Reads the settings from the environment: the bot id from MicrosoftAppId or BOT_ID; the Teams app id defaults to it. */
export function packageSettings(env: NodeJS.ProcessEnv): PackageSettings {
  const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const botId = blank(env.MicrosoftAppId) ?? blank(env.BOT_ID);
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const result = settingsSchema.safeParse({
    BOT_ID: botId,
    TEAMS_APP_ID: blank(env.TEAMS_APP_ID) ?? botId,
    APP_VERSION: version,
    APP_DEVELOPER_NAME: blank(env.APP_DEVELOPER_NAME),
    APP_WEBSITE_URL: blank(env.APP_WEBSITE_URL),
    APP_PRIVACY_URL: blank(env.APP_PRIVACY_URL),
    APP_TERMS_URL: blank(env.APP_TERMS_URL),
  });
  if (!result.success) {
    // One problem per setting: the first thing wrong with it.
    const seen = new Set<string>();
    // The Teams app id copies the bot id unless set, so a bad bot id is reported once.
    if (!blank(env.TEAMS_APP_ID)) seen.add('TEAMS_APP_ID');
    const problems = result.error.issues
      .filter((issue) => !seen.has(String(issue.path[0])) && seen.add(String(issue.path[0])))
      .map((issue) => issue.message);
    throw new PackageError(problems);
  }
  return result.data;
}

/** The manifest with every ${{NAME}} replaced; JSON escaping keeps a setting from breaking the file. */
export function fillManifest(template: string, settings: PackageSettings): Record<string, unknown> {
  const values: Record<string, string> = settings;
  const missing = new Set<string>();
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(values[name]).slice(1, -1);
  });
  if (missing.size > 0)
    throw new PackageError([...missing].map((n) => `manifest.json uses \${{${n}}}, which is not a setting`));
  return JSON.parse(filled) as Record<string, unknown>;
}

export async function manifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Parameters<
    typeof ManifestUtil.validateManifestAgainstSchema
  >[1];
  return ManifestUtil.validateManifestAgainstSchema(
    manifest as unknown as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[0],
    schema,
  );
}

/** Teams' icon rules: colour 192×192; outline 32×32, white on transparent. */
export function iconProblems(file: string, png: Buffer, kind: 'color' | 'outline'): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (err) {
    return [`${file}: not a PNG (${(err as Error).message})`];
  }
  const size = kind === 'color' ? 192 : 32;
  const problems: string[] = [];
  if (image.width !== size || image.height !== size)
    problems.push(`${file}: must be ${size}×${size}, is ${image.width}×${image.height}`);
  if (kind === 'outline') {
    let transparent = 0;
    let notWhite = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) notWhite++;
    }
    if (transparent === 0) problems.push(`${file}: the background must be transparent`);
    if (notWhite > 0) problems.push(`${file}: ${notWhite} visible pixels are not white`);
    if (transparent === image.width * image.height) problems.push(`${file}: is empty`);
  }
  return problems;
}

/** The zip's bytes. Files carry a fixed date so the same inputs give the same package. */
export async function buildAppPackage(settings: PackageSettings, dir = APP_PACKAGE_DIR): Promise<Buffer> {
  const manifest = fillManifest(readFileSync(path.join(dir, 'manifest.json'), 'utf8'), settings);
  const problems = (await manifestProblems(manifest)).map((p) => `manifest.json: ${p}`);
  const icons = manifest.icons as { color: string; outline: string };
  const files: Record<string, Buffer> = {};
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    files[name] = readFileSync(path.join(dir, name));
    problems.push(...iconProblems(name, files[name], kind));
  }
  if (problems.length > 0) throw new PackageError(problems);

  const zip = new JSZip();
  const date = new Date('2026-01-01T00:00:00Z');
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [name, bytes] of Object.entries(files)) zip.file(name, bytes, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

async function main(): Promise<number> {
  try {
    const zip = await buildAppPackage(packageSettings(process.env));
    mkdirSync(path.dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, zip);
    console.log(
      `Wrote ${path.relative(process.cwd(), OUTPUT)}: upload it in Teams (Apps > Manage your apps > Upload an app).`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    console.error(`Cannot build the Teams app package:\n- ${err.problems.join('\n- ')}`);
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
