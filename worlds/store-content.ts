// What a store path holds on disk: a small tree of files, directories and symlinks.

/** One file-system entry inside (or as) a store path. */
export type Entry =
  | { type: 'file'; text: string; executable: boolean }
  | { type: 'symlink'; target: string }
  | { type: 'dir'; entries: Record<string, Entry> };

/** A regular, non-executable file. */
export function file(text: string): Entry {
  return { type: 'file', text, executable: false };
}

/** An executable file (a script). */
export function script(text: string): Entry {
  return { type: 'file', text, executable: true };
}

/** A symlink to `target`. */
export function link(target: string): Entry {
  return { type: 'symlink', target };
}

/** A directory holding `entries`. */
export function dir(entries: Record<string, Entry>): Entry {
  return { type: 'dir', entries };
}

/** A directory tree from slash-separated paths, e.g. { 'lib/libz.so.1': file('…') }. */
export function tree(paths: Record<string, Entry>): Entry {
  const root: Record<string, Entry> = {};
  for (const [path, entry] of Object.entries(paths)) {
    const parts = path.split('/');
    let here = root;
    for (const part of parts.slice(0, -1)) {
      const next = here[part] ?? dir({});
      if (next.type !== 'dir') throw new Error(`store tree: ${path} crosses a non-directory`);
      here[part] = next;
      here = next.entries;
    }
    here[parts[parts.length - 1] ?? ''] = entry;
  }
  return dir(root);
}
