// The composition root: one object that implements the contract for one machine (or demo world).
// Every door (Electron IPC, WebSocket, in-process) serves this same object.
import { access, constants } from 'node:fs/promises';
import type { EventName, EventPayload, GentryHandlers, Machine } from '../common/contract/index.ts';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from './app-root.ts';
import { type BootPaths, readBootMenu } from './boot/boot-menu.ts';
import { bootHandlers } from './boot/boot-services.ts';
import { labelHandlers } from './labels/label-services.ts';
import { applyLabels, findLabel, readLabels, readLabelsReport } from './labels/labels.ts';
import { pinHandlers } from './pins/pin-services.ts';
import { runHandlers } from './runs/run-services.ts';
import type { Emit, ServiceDeps } from './service-deps.ts';
import { GentryError } from './infra/errors.ts';
import type { Logger } from './infra/log.ts';
import { type ClosureStats, profileHistory } from './diff/history.ts';
import { diffSides } from './diff/generation-diff.ts';
import { resolveRef } from './diff/resolve-side.ts';
import { profilePath } from './nix/profile-path.ts';
import { type HelperCommand, type HelperOutcome, helperCommand, runHelper } from './helper/helper-client.ts';
import { previewDelete, previewSwitch } from './helper/generation-actions.ts';
import { deleteHome, switchHome } from './helper/home-actions.ts';
import { type ClosureReader, openClosureReader } from './nix/closure-reader.ts';
import { cachedClosureSizer } from './nix/closure-size-cache.ts';
import { type ClosureSizer, openClosureSizer } from './nix/closure-sizes.ts';
import { gentryConfigDir, gentryStateDir, type MachinePaths } from './nix/locations.ts';
import { linkExists, listProfiles } from './nix/read-model.ts';
import type { ProcessRunner } from './infra/process.ts';

/** Builds (or reuses) the demo world and returns the paths to look at. */
export type DemoOpener = () => Promise<MachinePaths>;

/** What the services need from the world around them (shared/STYLE.md habit 7). */
export interface ServiceContext {
  paths: MachinePaths;
  run: ProcessRunner;
  log: Logger;
  /** How to open the demo machine; absent where a demo cannot be offered. */
  openDemo?: DemoOpener;
  /** True when `paths` already are a demo world. */
  demo?: boolean;
  /** Where the boot menu lives; default: the first of /boot, /efi, /boot/efi, and the kernel's efivarfs. */
  boot?: BootPaths;
  /** How to run the privileged helper; default: pkexec, or GENTRY_HELPER (see helper-client.ts). */
  helper?: HelperCommand;
  /** Where measured closure sizes are remembered across runs; absent: not remembered. */
  closureCacheFile?: string;
  /** Gentry's state directory (labels, run logs); default `$XDG_STATE_HOME/gentry`. */
  stateDir?: string;
  /** Gentry's config directory (config.json); default `$XDG_CONFIG_HOME/gentry`. */
  configDir?: string;
  /** Whether this user can write the Nix store and its database (the demo registers paths); default: asks the file system. */
  storeWritable?: () => Promise<boolean>;
}

/** Listens to the events the services emit; `to` is the one client an event is for, undefined for everyone. */
export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>, to?: string) => void;

/** The services object: the contract's handlers plus event subscription. */
export interface Services {
  handlers: GentryHandlers;
  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void;
  close(): void;
  /** The closure engine for the paths in use (the CLI's diff and history use it directly). */
  closureReader(): Promise<ClosureReader>;
}

/** The root of a world (demo machine) whose system profile sits at ROOT/nix/var/nix/profiles/system; null elsewhere. */
export function worldRoot(paths: MachinePaths): string | null {
  const suffix = '/nix/var/nix/profiles/system';
  return paths.systemProfile.endsWith(suffix) && paths.systemProfile !== suffix ? paths.systemProfile.slice(0, -suffix.length) : null;
}

/** A helper built from this checkout (cargo's release or debug output), for the demo machine; null when there is none. */
function localHelperBinary(): string | null {
  const target = join(appRoot(), 'native-helpers/gentry-helper/target');
  for (const build of ['release', 'debug']) {
    const bin = join(target, build, 'gentry-helper');
    if (existsSync(bin)) return bin;
  }
  return null;
}

/** Whether this user can write /nix/store and the Nix database. */
async function nixStoreWritable(): Promise<boolean> {
  try {
    await access('/nix/store', constants.W_OK);
    await access('/nix/var/nix/db', constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why a demo world cannot be built here, or null when it can. */
export async function demoUnavailableReason(run: ProcessRunner, storeWritable: () => Promise<boolean> = nixStoreWritable): Promise<string | null> {
  const nix = await run('nix-store', ['--version']);
  if (nix.code !== 0) return 'Nix is not installed (no nix-store on PATH). Install Nix, then try again.';
  if (!(await storeWritable())) {
    return 'The demo registers paths in the Nix store, which this user cannot write. Run `gentry demo` as root or with a single-user Nix install.';
  }
  return null;
}

/** Creates the services for one machine. */
export function createServices(ctx: ServiceContext): Services {
  let paths = ctx.paths;
  let demo = ctx.demo ?? false;
  let sizer: Promise<ClosureSizer> | null = null;
  let sizerDb = '';
  let reader: Promise<ClosureReader> | null = null;
  let readerDb = '';
  const historyMemo: ClosureStats = new Map();
  let demoBuild: Promise<void> | null = null;
  let unavailable: Promise<string | null> | null = null;
  const listeners = new Set<EventListener>();

  const emit: Emit = (event, payload, to) => {
    for (const l of listeners) l(event, payload, to);
  };
  const getSizer = (): Promise<ClosureSizer> => {
    if (!sizer || sizerDb !== paths.nixDb) {
      sizerDb = paths.nixDb;
      const db = paths.nixDb;
      const open = () =>
        openClosureSizer(db, ctx.run).then((s) => {
          if (s.notice) ctx.log.warn(s.notice);
          return s;
        });
      sizer = ctx.closureCacheFile ? Promise.resolve(cachedClosureSizer(open, ctx.closureCacheFile, ctx.log)) : open();
    }
    return sizer;
  };
  const getReader = (): Promise<ClosureReader> => {
    if (!reader || readerDb !== paths.nixDb) {
      void reader?.then((r) => r.close());
      readerDb = paths.nixDb;
      reader = openClosureReader(paths.nixDb, ctx.run).then((r) => {
        if (r.notice) ctx.log.warn(r.notice);
        return r;
      });
    }
    return reader;
  };
  // On a demo world the helper must act on the world (direct, under --root), never on this machine through pkexec.
  const helperFor = (): HelperCommand => {
    if (ctx.helper) return ctx.helper;
    const root = demo ? worldRoot(paths) : null;
    if (root === null) return helperCommand();
    const direct = process.env.GENTRY_HELPER ?? localHelperBinary();
    if (!direct) {
      throw new GentryError(
        'unavailable',
        'On the demo machine, changes go through a helper built from this checkout, and there is none.',
        'Install cargo and start the demo again (it builds the helper itself), or set GENTRY_HELPER to a built gentry-helper.',
      );
    }
    return { program: direct, prefix: ['--root', process.env.GENTRY_HELPER ? (process.env.GENTRY_HELPER_ROOT ?? root) : root], viaPkexec: false };
  };
  const outcome = ({ state, message, result }: HelperOutcome) => ({ state, message, result });
  const runAction = async (args: string[], changed: boolean) => {
    const done = await runHelper(helperFor(), args, (e) => emit('actionProgress', { message: typeof e.message === 'string' ? e.message : JSON.stringify(e) }));
    if (changed) emit('profilesChanged', { reason: args[0] as string });
    return outcome(done);
  };
  const machine = async (): Promise<Machine> => {
    unavailable ??= ctx.openDemo ? demoUnavailableReason(ctx.run, ctx.storeWritable) : Promise.resolve('This Gentry was started without a demo.');
    const reason = await unavailable;
    return {
      hasSystemProfile: await linkExists(paths.systemProfile),
      systemProfile: paths.systemProfile,
      demo,
      demoAvailable: reason === null,
      demoUnavailableReason: reason,
    };
  };

  const deps: ServiceDeps = {
    paths: () => paths,
    demo: () => demo,
    run: ctx.run,
    log: ctx.log,
    get helper() {
      return helperFor();
    },
    get boot() {
      const root = demo ? worldRoot(paths) : null;
      if (root !== null && !ctx.boot?.esp) return { esp: join(root, 'boot'), efivars: join(root, 'sys/firmware/efi/efivars') };
      return ctx.boot ?? { esp: null, efivars: '/sys/firmware/efi/efivars' };
    },
    stateDir: ctx.stateDir ?? gentryStateDir(process.env, homedir()),
    configDir: ctx.configDir ?? gentryConfigDir(process.env, homedir()),
    reader: getReader,
    emit,
  };
  const runs = runHandlers(deps);

  const labelledPreview = async (kind: 'system' | 'home', name: string, numbers: number[]) => {
    const preview = await previewDelete(paths, await getReader(), name, numbers, kind);
    const labels = await readLabels(deps.stateDir);
    const { readProfileLinks } = await import('./nix/profile-links.ts');
    const { generations } = await readProfileLinks(preview.profile);
    const labelled = preview.generations.flatMap((n) => {
      const found = findLabel(labels, preview.profile, n, generations.find((g) => g.number === n)?.target ?? null);
      return found ? [{ number: n, label: found.label }] : [];
    });
    return { ...preview, labelled };
  };

  const handlers: GentryHandlers = {
    ...bootHandlers(deps),
    ...labelHandlers(deps),
    ...runs.handlers,
    ...pinHandlers(deps),
    machine: () => machine(),
    listProfiles: async () => {
      const { labels, problems } = await readLabelsReport(deps.stateDir);
      return applyLabels(await listProfiles(paths, await getSizer()), labels, problems);
    },
    diff: async ({ from, to }) => diffSides(await getReader(), await resolveRef(paths, from), await resolveRef(paths, to)),
    previewSwitch: async ({ generation: g }) => {
      if (g.kind === 'user') throw new GentryError('bad-input', 'per-user profiles are switched with nix profile rollback, not by Gentry yet', null);
      return previewSwitch(paths, await getReader(), g.name, g.number, g.kind);
    },
    switchGeneration: async ({ generation: g, mode }) => {
      if (g.kind === 'home') {
        const result = await switchHome(await profilePath(paths, 'home', g.name), g.number, ctx.run);
        emit('profilesChanged', { reason: 'switch' });
        return result;
      }
      if (g.kind !== 'system') throw new GentryError('bad-input', 'only system and home-manager generations can be switched here', null);
      return runAction(['switch', '--profile', g.name, '--generation', String(g.number), '--mode', mode], true);
    },
    previewDelete: async ({ kind, name, numbers }) => labelledPreview(kind, name, numbers),
    deleteGenerations: async ({ kind, name, numbers, confirmLabelled }) => {
      const preview = await labelledPreview(kind, name, numbers); // the same refusals, before any password
      if (preview.labelled.length > 0 && confirmLabelled !== true) {
        const which = preview.labelled.map((l) => `${l.number} (“${l.label}”)`).join(', ');
        throw new GentryError('bad-input', `generation${preview.labelled.length === 1 ? '' : 's'} ${which} ${preview.labelled.length === 1 ? 'is' : 'are'} labelled and protected`, 'Confirm that labelled generations may go (the dialog asks; on the command line add --yes twice: --yes --yes), or remove the label first.');
      }
      if (kind === 'home') {
        const result = await deleteHome(await profilePath(paths, 'home', name), numbers);
        emit('profilesChanged', { reason: 'delete' });
        return result;
      }
      return runAction(['delete-generations', '--profile', name, ...numbers.flatMap((n) => ['--generation', String(n)])], true);
    },
    previewGc: async () => {
      const dry = await runHelper(helperFor(), ['collect-garbage', '--dry-run']);
      const r = dry.result ?? {};
      return { outcome: outcome(dry), deadPaths: typeof r.deadPaths === 'number' ? r.deadPaths : null, bytes: typeof r.bytes === 'number' ? r.bytes : null };
    },
    collectGarbage: async () => runAction(['collect-garbage'], true),
    bootMenu: async () => readBootMenu(deps.boot, paths),
    history: async ({ kind, name }) => ({ points: await profileHistory(await profilePath(paths, kind, name), kind, await getReader(), historyMemo) }),
    openDemo: async () => {
      const open = ctx.openDemo;
      if (!open) throw new GentryError('unavailable', 'This Gentry was started without a demo.', 'Run `gentry demo` instead.');
      const reason = await (unavailable ??= demoUnavailableReason(ctx.run, ctx.storeWritable));
      if (reason) throw new GentryError('unavailable', 'A demo machine cannot be built here.', reason);
      demoBuild ??= open().then(
        (p) => {
          paths = p;
          demo = true;
          emit('profilesChanged', { reason: 'demo' });
        },
        (err: Error) => {
          demoBuild = null;
          throw new GentryError('internal', `Building the demo machine failed: ${err.message}`, 'See the log for the Nix output; `gentry demo` on a terminal shows it too.');
        },
      );
      await demoBuild;
      return machine();
    },
  };

  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      runs.close();
      void sizer?.then((s) => s.close());
      void reader?.then((r) => r.close());
    },
    closureReader: getReader,
  };
}
