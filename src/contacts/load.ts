import path from 'node:path';
import { DEFAULT_AREA_DIR, projectRoot } from '../paths';
import { ContentError } from '../contentError';
import { zodProblems } from '../validation';
import { readYamlFile } from '../yamlCache';
import { areaContactsSchema, type AreaContacts, type Service } from './schema';

export { ContentError };

export const CONTACTS_FILE = 'contacts.yaml';

/** Reads and validates an area's contacts file; every problem is reported with its place. */
export function loadAreaContacts(areaDir: string = DEFAULT_AREA_DIR): AreaContacts {
  const file = path.resolve(projectRoot(), areaDir, CONTACTS_FILE);
  let raw: unknown;
  try {
    raw = readYamlFile(file);
  } catch (err) {
    throw new ContentError([{ file, message: (err as Error).message }]);
  }
  const result = areaContactsSchema.safeParse(raw);
  if (!result.success) {
    throw new ContentError(zodProblems(result.error, file));
  }
  return result.data;
}

export function service(contacts: AreaContacts, id: string): Service {
  const found = contacts.services.find((s) => s.id === id);
  if (!found)
    throw new ContentError([{ file: contacts.area, message: `no service "${id}" in the contacts` }]);
  return found;
}
