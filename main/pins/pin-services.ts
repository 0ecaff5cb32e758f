// The pins calls of the contract (issue 7): overlay targets come from the settings, the machine from
// the services' paths; the work is done by the pins engine (pin-engine.ts).
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { GentryHandlers, OverlayTarget, Settings } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { gentryCacheDir } from '../nix/locations.ts';
import type { ServiceDeps } from '../service-deps.ts';
import { readSettings } from '../settings/settings.ts';
import { Pins } from './pin-engine.ts';

/** A path from the settings with `~/` expanded. */
export function expandHome(path: string, home = homedir()): string {
  return path === '~' ? home : path.startsWith('~/') ? resolve(home, path.slice(2)) : resolve(path);
}

/** The pins engine over the services' machine and the given settings. */
export function pinsFor(deps: ServiceDeps, settings: Pick<Settings, 'nixpkgsGit'>, overrides: { nixpkgsGit?: string | null; cacheDir?: string | null } = {}): Pins {
  const git = overrides.nixpkgsGit !== undefined ? overrides.nixpkgsGit : settings.nixpkgsGit;
  return new Pins({
    paths: deps.paths(),
    run: deps.run,
    log: deps.log,
    reader: deps.reader,
    cacheDir: overrides.cacheDir !== undefined ? overrides.cacheDir : gentryCacheDir(process.env, homedir()),
    nixpkgsGit: git ? expandHome(git) : null,
    now: () => new Date(),
  });
}

/** The settings' overlay targets with their paths expanded. */
export function settingsTargets(settings: Settings): OverlayTarget[] {
  return settings.overlayTargets.map((t) => ({ ...t, path: expandHome(t.path) }));
}

function findTarget(targets: readonly OverlayTarget[], name: string): OverlayTarget {
  const t = targets.find((x) => x.name === name);
  if (!t) {
    const known = targets.map((x) => x.name).join(', ') || 'none yet';
    throw new GentryError('not-found', `there is no overlay target named ${JSON.stringify(name)}`, `Targets in the settings: ${known}. Add one in Settings (a directory for pins.json and overlay.nix).`);
  }
  return t;
}

/** The handlers for pins. */
export function pinHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'pinTargets' | 'previewPin' | 'addPin' | 'removePin' | 'pinSuggestions'> {
  const load = async () => {
    const settings = await readSettings(deps.configDir);
    return { pins: pinsFor(deps, settings), targets: settingsTargets(settings) };
  };
  const othersThan = (targets: readonly OverlayTarget[], t: OverlayTarget) => targets.filter((x) => x.name !== t.name);
  const request = (input: { attr: string; fromGeneration: { kind: 'system' | 'home' | 'user'; name: string; number: number }; version?: string; reason?: string }) => ({
    attr: input.attr,
    route: { from: 'generation' as const, generation: input.fromGeneration },
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
  return {
    pinTargets: async () => {
      const { pins, targets } = await load();
      const out = [];
      for (const t of targets) out.push(await pins.targetState(t, othersThan(targets, t)));
      return { targets: out };
    },
    previewPin: async (input) => {
      const { pins, targets } = await load();
      const t = findTarget(targets, input.target);
      const { entry, pinsJson, problems } = await pins.preview(t, othersThan(targets, t), request(input));
      return { entry, pinsJson, problems };
    },
    addPin: async (input) => {
      const { pins, targets } = await load();
      const t = findTarget(targets, input.target);
      return pins.add(t, othersThan(targets, t), request(input));
    },
    removePin: async ({ target, attr }) => {
      const { pins, targets } = await load();
      const t = findTarget(targets, target);
      return pins.remove(t, othersThan(targets, t), attr);
    },
    pinSuggestions: async ({ attr }) => {
      const { pins } = await load();
      const { notices: _notices, ...suggestions } = await pins.suggest(attr);
      return suggestions;
    },
  };
}
