// What every part of a world build shares: ids, the store graph, the catalog and the channel.
import type { ChannelHistory, ChannelRevision } from './channel-history.ts';
import type { Catalog } from './catalog.ts';
import { PackageSet } from './package-set.ts';
import type { PresetSettings } from './presets.ts';
import type { StoreGraph } from './store-graph.ts';

/** The shared state of one world build. */
export interface WorldContext {
  id: string;
  seed: string;
  root: string;
  /** Where bin/switch-to-configuration appends its calls. */
  switchLog: string;
  preset: PresetSettings;
  graph: StoreGraph;
  catalog: Catalog;
  history: ChannelHistory;
  /** 1 for up to 100 system generations, less for longer histories (fewer costly changes per step). */
  churn: number;
  /** The packages at `revision` (one set per revision, shared by every profile). */
  packageSet(revision: ChannelRevision): PackageSet;
}

/** Makes the package-set lookup for a context. */
export function packageSetsFor(graph: StoreGraph, catalog: Catalog, history: ChannelHistory): (revision: ChannelRevision) => PackageSet {
  const sets = new Map<number, PackageSet>();
  return (revision) => {
    let set = sets.get(revision.index);
    if (!set) {
      set = new PackageSet(graph, catalog, history, revision, sets.get(revision.index - 1) ?? null);
      sets.set(revision.index, set);
    }
    return set;
  };
}
