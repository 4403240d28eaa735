import path from 'node:path';
import { DEFAULT_AREA_DIR, projectRoot } from '../paths';
import { formatIssues } from '../validation';
import { readYamlFile } from '../yamlCache';
import { areaContactsSchema, type AreaContacts, type Service } from './schema';

export class ContentError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'ContentError';
  }
}

export const CONTACTS_FILE = 'contacts.yaml';

/** Reads and validates an area's contacts file; every problem is reported with its place. */
export function loadAreaContacts(areaDir: string = DEFAULT_AREA_DIR): AreaContacts {
  const file = path.resolve(projectRoot(), areaDir, CONTACTS_FILE);
  let raw: unknown;
  try {
    raw = readYamlFile(file);
  } catch (err) {
    throw new ContentError(`${file}: ${(err as Error).message}`);
  }
  const result = areaContactsSchema.safeParse(raw);
  if (!result.success) {
    const problems = formatIssues(result.error).map((p) => `${file}: ${p}`);
    throw new ContentError(problems.join('\n'), problems);
  }
  return result.data;
}

export function service(contacts: AreaContacts, id: string): Service {
  const found = contacts.services.find((s) => s.id === id);
  if (!found) throw new ContentError(`No service "${id}" in the contacts for ${contacts.area}`);
  return found;
}
