// A hash of a whole directory tree, for tests that prove a command changed nothing outside where it may write.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of a whole tree: every path, its type, mode, mtime, link target and file content (links are not followed). */
export function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (path: string, rel: string): void => {
    const st = lstatSync(path);
    hash.update(`${rel}\0${st.mode}\0${st.mtimeMs}\0`);
    if (st.isSymbolicLink()) hash.update(`link:${readlinkSync(path)}\0`);
    else if (st.isFile()) hash.update(readFileSync(path)).update('\0');
    else if (st.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name), `${rel}/${name}`);
  };
  walk(root, '.');
  return hash.digest('hex');
}
