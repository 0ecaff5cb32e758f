// The history picture: closure size and package count of every generation of a profile, with
// channel updates (a new nixpkgs revision) marked.
import type { HistoryPoint, ProfileKind } from '../../common/contract/index.ts';
import { isStorePath } from '../../common/store-path.ts';
import type { ClosureReader } from '../nix/closure-reader.ts';
import { isoSeconds } from '../nix/read-model.ts';
import { readProfileLinks } from '../nix/profile-links.ts';
import { readSystemToplevel } from '../nix/system-toplevel.ts';
import { packageKey } from './package-name.ts';

/** Closure size and distinct package names of a store path, remembered by the caller across calls. */
export type ClosureStats = Map<string, { size: number; packages: number }>;

async function stats(reader: ClosureReader, storePath: string, memo: ClosureStats): Promise<{ size: number; packages: number } | null> {
  const known = memo.get(storePath);
  if (known) return known;
  try {
    const closure = await reader.closure(storePath);
    const names = new Set<string>();
    let size = 0;
    for (const [path, narSize] of closure) {
      names.add(packageKey(path).name);
      size += narSize;
    }
    const s = { size, packages: names.size };
    memo.set(storePath, s);
    return s;
  } catch {
    return null; // garbage-collected or unreadable: the point is drawn without values
  }
}

/** Every generation of the profile at `profile`, oldest first. */
export async function profileHistory(profile: string, kind: ProfileKind, reader: ClosureReader, memo: ClosureStats): Promise<HistoryPoint[]> {
  const { generations } = await readProfileLinks(profile);
  const points: HistoryPoint[] = [];
  let previousRevision: string | null = null;
  for (const g of generations) {
    const valid = g.target !== null && isStorePath(g.target);
    const s = valid ? await stats(reader, g.target as string, memo) : null;
    const revision = valid && kind === 'system' ? (await readSystemToplevel(g.target as string)).nixpkgsRevision : null;
    points.push({
      number: g.number,
      date: isoSeconds(g.mtime),
      closureSize: s?.size ?? null,
      packageCount: s?.packages ?? null,
      nixpkgsRevision: revision,
      channelUpdate: revision !== null && previousRevision !== null && revision !== previousRevision,
    });
    if (revision !== null) previousRevision = revision;
  }
  return points;
}
