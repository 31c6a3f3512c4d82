import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The folder holding package.json (and cards/, manifest/ beside it), whether the bot runs from
 * src (tests, tsx) or from dist. Found once: every card a request sends is read from under it.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  root = dir;
  return root;
}
