// Plans a whole world in memory (no disk, no Nix): the store graph and every profile's generations.
import { catalogFor } from './catalog.ts';
import { ChannelHistory } from './channel-history.ts';
import type { ProfileRecord } from './generation-record.ts';
import { buildHomeProfile } from './home-profile.ts';
import type { PresetSettings } from './presets.ts';
import { StoreGraph } from './store-graph.ts';
import { buildSystemProfiles, type SystemProfiles } from './system-profile.ts';
import { buildUserProfile } from './user-profile.ts';
import { packageSetsFor, type WorldContext } from './world-context.ts';
import type { WorldLayout } from './world-layout.ts';

/** What a plan needs. */
export interface PlanInput {
  id: string;
  seed: string;
  layout: WorldLayout;
  preset: PresetSettings;
  systemGenerations: number;
  homeGenerations: number;
  quirks: boolean;
  /** The newest system generation's date (whole seconds). */
  now: Date;
}

/** A planned world: every store path, and the profiles that point into them. */
export interface WorldPlan {
  graph: StoreGraph;
  systems: SystemProfiles;
  home: ProfileRecord;
  user: ProfileRecord;
}

/** Plans the world `input` describes; deterministic for a given seed, preset, counts and date. */
export function planWorld(input: PlanInput): WorldPlan {
  const graph = new StoreGraph(input.id);
  const catalog = catalogFor(input.preset.tier);
  // Histories longer than a hundred generations change less per step, so that paths are shared.
  const churn = Math.min(1, 100 / input.systemGenerations);
  const history = new ChannelHistory(input.seed, catalog, churn);
  const ctx: WorldContext = {
    id: input.id,
    seed: input.seed,
    root: input.layout.root,
    switchLog: input.layout.switchLog,
    preset: input.preset,
    graph,
    catalog,
    history,
    packageSet: packageSetsFor(graph, catalog, history),
    churn,
  };
  const systems = buildSystemProfiles(ctx, input.systemGenerations, input.now, input.quirks, input.layout.profilesDir);
  const home = buildHomeProfile(ctx, systems.timeline, systems.dates, input.homeGenerations, input.quirks, input.layout.userProfilesDir);
  const user = buildUserProfile(ctx, systems.timeline, systems.dates, input.layout.userProfilesDir);
  return { graph, systems, home, user };
}
