// The pins calls of the contract (issue 7): overlay targets come from the settings, the machine from
// the services' paths; the work is done by the pins engine (pin-engine.ts).
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import type { GenerationRef, GentryHandlers, OverlayTarget, PinTargetRef, Settings } from '../../common/contract/index.ts';
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

/** The target a call names: a settings target by name, or a directory (the settings' target when they know it). */
function targetFor(targets: readonly OverlayTarget[], ref: PinTargetRef): OverlayTarget {
  if (typeof ref === 'string') return findTarget(targets, ref);
  const path = resolve(ref.path);
  return targets.find((t) => t.path === path) ?? { name: basename(path) || 'overlay', path, kind: ref.kind };
}

/** The handlers for pins. */
export function pinHandlers(deps: ServiceDeps): Pick<GentryHandlers, 'pinTargets' | 'previewPin' | 'addPin' | 'removePin' | 'pinSuggestions'> {
  // A directory named by path (the command line's --overlay) works without readable settings: the
  // other targets are then not compared, and the log says so.
  const load = async (ref?: PinTargetRef, nixpkgsGit?: string) => {
    let settings: Settings | null = null;
    try {
      settings = await readSettings(deps.configDir);
    } catch (err) {
      if (!(err instanceof GentryError) || ref === undefined || typeof ref === 'string') throw err;
      deps.log.warn(`the settings cannot be read (${err.message}); other overlay targets are not compared`);
    }
    return { pins: pinsFor(deps, settings ?? { nixpkgsGit: null }, nixpkgsGit !== undefined ? { nixpkgsGit } : {}), targets: settings ? settingsTargets(settings) : [] };
  };
  const othersThan = (targets: readonly OverlayTarget[], t: OverlayTarget) => targets.filter((x) => x.path !== t.path);
  const request = (input: { attr: string; fromGeneration?: GenerationRef; source?: string; rev?: string; version?: string; reason?: string }) => ({
    attr: input.attr,
    route:
      input.fromGeneration !== undefined
        ? { from: 'generation' as const, generation: input.fromGeneration, ...(input.source !== undefined ? { source: input.source } : {}) }
        : { from: 'source' as const, source: input.source as string, rev: input.rev as string },
    ...(input.version !== undefined ? { version: input.version } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
  return {
    pinTargets: async ({ target }) => {
      const { pins, targets } = await load(target);
      const out = [];
      for (const t of target === undefined ? targets : [targetFor(targets, target)]) out.push(await pins.targetState(t, othersThan(targets, t)));
      return { targets: out };
    },
    previewPin: async (input) => {
      const { pins, targets } = await load(input.target);
      const t = targetFor(targets, input.target);
      const { entry, pinsJson, problems } = await pins.preview(t, othersThan(targets, t), request(input));
      return { entry, pinsJson, problems };
    },
    addPin: async (input) => {
      const { pins, targets } = await load(input.target);
      const t = targetFor(targets, input.target);
      return pins.add(t, othersThan(targets, t), request(input));
    },
    removePin: async ({ target, attr }) => {
      const { pins, targets } = await load(target);
      const t = targetFor(targets, target);
      return pins.remove(t, othersThan(targets, t), attr);
    },
    pinSuggestions: async ({ attr, nixpkgsGit }) => {
      const { pins } = await load(undefined, nixpkgsGit);
      const { notices, ...suggestions } = await pins.suggest(attr);
      return notices.length > 0 ? { ...suggestions, notices } : suggestions;
    },
  };
}
