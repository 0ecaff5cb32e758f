// The composition root: one object that implements the contract for one machine (or demo world),
// put together from the feature folders' handler groups. Every door (Electron IPC, WebSocket,
// in-process) serves this same object; `doorContext` is how a door that starts from a command line
// and an environment gets its context.
import type { EventName, EventPayload, GentryHandlers } from '../common/contract/index.ts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type BootPaths } from './boot/boot-menu.ts';
import { bootHandlers } from './boot/boot-services.ts';
import { demoHandlers, type DemoOpener } from './demo/demo-services.ts';
import { worldBoot, worldHelper, worldRoot } from './demo/demo-machine.ts';
import { diffHandlers } from './diff/diff-services.ts';
import { generationHandlers } from './generations/generation-services.ts';
import { type HelperCommand, helperCommand } from './helper/helper-client.ts';
import type { Logger } from './infra/log.ts';
import { type ProcessRunner, runProcess } from './infra/process.ts';
import { labelHandlers } from './labels/label-services.ts';
import { type ClosureReader, openClosureReader } from './nix/closure-reader.ts';
import { gentryCacheDir, gentryConfigDir, gentryStateDir, type MachinePaths, machinePaths } from './nix/locations.ts';
import { pinHandlers } from './pins/pin-services.ts';
import { runHandlers } from './runs/run-services.ts';
import type { Emit, ServiceDeps } from './service-deps.ts';

/** The environment variables the services read: XDG_STATE_HOME, XDG_CONFIG_HOME, GENTRY_HELPER, GENTRY_HELPER_ROOT. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** What the services need from the world around them (shared/STYLE.md habit 7). */
export interface ServiceContext {
  paths: MachinePaths;
  run: ProcessRunner;
  log: Logger;
  /** The environment Gentry was started with (a test passes `{}`: the XDG defaults under `homeDir`, pkexec for the helper). */
  env: Environment;
  /** The person's home directory, for the XDG defaults; default: the OS's. */
  homeDir?: string;
  /** How to open the demo machine; absent where a demo cannot be offered. */
  openDemo?: DemoOpener;
  /** True when `paths` already are a demo world. */
  demo?: boolean;
  /** Where the boot menu lives; default: the first of /boot, /efi, /boot/efi, and the kernel's efivarfs. */
  boot?: BootPaths;
  /** How to run the privileged helper; default: pkexec, or GENTRY_HELPER from `env` (see helper-client.ts). */
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
}

/** Creates the services for one machine. */
export function createServices(ctx: ServiceContext): Services {
  let paths = ctx.paths;
  let demo = ctx.demo ?? false;
  let reader: Promise<ClosureReader> | null = null;
  let readerDb = '';
  const env = ctx.env;
  const home = ctx.homeDir ?? homedir();
  const listeners = new Set<EventListener>();
  const emit: Emit = (event, payload, to) => {
    for (const l of listeners) l(event, payload, to);
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
  // On a demo world the helper and the boot menu are the world's, never this machine's.
  const world = () => (demo ? worldRoot(paths) : null);
  const deps: ServiceDeps = {
    paths: () => paths,
    demo: () => demo,
    run: ctx.run,
    log: ctx.log,
    get helper() {
      const root = world();
      return ctx.helper ?? (root === null ? helperCommand(env) : worldHelper(root, env));
    },
    get boot() {
      const root = world();
      if (root !== null && !ctx.boot?.esp) return worldBoot(root);
      return ctx.boot ?? { esp: null, efivars: '/sys/firmware/efi/efivars' };
    },
    stateDir: ctx.stateDir ?? gentryStateDir(env, home),
    configDir: ctx.configDir ?? gentryConfigDir(env, home),
    reader: getReader,
    emit,
  };
  const switchTo = (p: MachinePaths) => {
    paths = p;
    demo = true;
  };
  const generations = generationHandlers(deps, { closureCacheFile: ctx.closureCacheFile });
  const runs = runHandlers(deps);
  const handlers: GentryHandlers = {
    ...demoHandlers(deps, { openDemo: ctx.openDemo, storeWritable: ctx.storeWritable, switchTo }),
    ...generations.handlers,
    ...diffHandlers(deps),
    ...bootHandlers(deps),
    ...labelHandlers(deps),
    ...runs.handlers,
    ...pinHandlers(deps),
  };
  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      runs.close();
      generations.close();
      void reader?.then((r) => r.close());
    },
  };
}

/** What a door starts from: its command line's values, the process's environment and user. */
export interface DoorStart {
  /** Parsed options; the path options (system-profile, home-profile, user-profile, booted-system, nix-db) choose the machine. */
  options: Readonly<Record<string, unknown>>;
  env: Environment;
  homeDir: string;
  user: string;
  log: Logger;
  /** The machine to look at instead of the one the options name (the demo world of `gentry demo`). */
  paths?: MachinePaths;
  demo?: boolean;
  boot?: BootPaths;
}

/** The machine a door's path options name. */
export function doorPaths(start: Pick<DoorStart, 'options' | 'env' | 'homeDir' | 'user'>): MachinePaths {
  const s = (k: string) => (typeof start.options[k] === 'string' ? (start.options[k] as string) : undefined);
  return machinePaths(
    { env: start.env, homeDir: start.homeDir, user: start.user },
    { systemProfile: s('system-profile'), homeProfile: s('home-profile'), userProfile: s('user-profile'), bootedSystem: s('booted-system'), nixDb: s('nix-db') },
  );
}

/** The services context of a door: real processes, remembered closure sizes, and the demo, loaded only when it is opened. */
export function doorContext(start: DoorStart): ServiceContext {
  const { env, homeDir, log } = start;
  const openDemo: DemoOpener = async () => {
    const d = await import('./demo/demo-world.ts'); // the world builder loads only for the demo, so that `gentry list` starts fast
    return d.worldPaths(await d.openDemoWorld(d.defaultDemoDir(env, homeDir), log));
  };
  const closureCacheFile = join(gentryCacheDir(env, homeDir), 'closure-sizes.json');
  return { paths: start.paths ?? doorPaths(start), run: runProcess, log, env, homeDir, demo: start.demo ?? false, boot: start.boot, openDemo, closureCacheFile };
}
