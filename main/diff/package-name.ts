// How `nix store diff-closures` names what a store path holds (nix-formats.md §8): strip an output
// name such as `-dev` or `-lib`, then split name and version with DrvName.
import { parseDrvName } from '../../common/drv-name.ts';

/** A store path's package name and version, as diff-closures groups them. */
export interface PackageKey {
  name: string;
  version: string;
}

const OUTPUT_SUFFIX = /^(.*)-([a-z]+|lib32|lib64)$/s;

/** The name and version of a store path (`/nix/store/<hash>-openssl-3.4.1-dev` → openssl / 3.4.1). */
export function packageKey(storePath: string): PackageKey {
  const base = storePath.slice(storePath.lastIndexOf('/') + 1);
  let name = base.slice(33);
  const m = OUTPUT_SUFFIX.exec(name);
  if (m) name = m[1] as string;
  return parseDrvName(name);
}
