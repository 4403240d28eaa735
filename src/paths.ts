import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder that holds package.json. The code runs both from src/ (tsx,
 * vitest) and from dist/src/ (npm start), so paths to content are resolved
 * from here rather than from __dirname.
 */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
}

export const DEFAULT_AREA_DIR = 'content/areas/portsmouth';
