// The composition root: one object that implements the contract for one machine (or demo world),
// put together from the feature folders' handler groups. Every door (Electron IPC, WebSocket,
// in-process) serves this same object; `doorContext` is how a door that starts from a command line
// and an environment gets its context.
import type { Caller, CallName, EventName, EventPayload, GentryHandlers } from '../common/contract/index.ts';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type BootPaths } from './boot/boot-menu.ts';
import type { DemoOpener } from './demo/demo-services.ts';
import { worldBoot, worldHelper, worldRoot } from './demo/demo-machine.ts';
import { type HelperCommand, helperCommand } from './helper/helper-client.ts';
import type { Logger } from './infra/log.ts';
import { type ProcessRunner, runProcess } from './infra/process.ts';
import type { ClosureReader } from './nix/closure-reader.ts';
import { gentryCacheDir, gentryConfigDir, gentryStateDir, type MachinePaths, machinePaths } from './nix/locations.ts';
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

/** What the handler groups get besides their deps: the demo's opener and the closure-size cache. */
interface GroupOptions {
  openDemo?: DemoOpener;
  storeWritable?: () => Promise<boolean>;
  switchTo(paths: MachinePaths): void;
  closureCacheFile?: string;
}

/** A loaded handler group: some of the contract's handlers, and what stops its work when the services close. */
interface HandlerGroup {
  handlers: Partial<GentryHandlers>;
  close?(): void;
}

/**
 * Every feature folder's handler group, each loaded on its first call (so that `gentry list` loads the
 * generations' code and not the terminal's, the pins' or the boot menu's).
 */
const GROUPS = {
  demo: async (deps: ServiceDeps, o: GroupOptions) => ({ handlers: (await import('./demo/demo-services.ts')).demoHandlers(deps, { openDemo: o.openDemo, storeWritable: o.storeWritable, switchTo: o.switchTo }) }),
  generations: async (deps: ServiceDeps, o: GroupOptions) => (await import('./generations/generation-services.ts')).generationHandlers(deps, { closureCacheFile: o.closureCacheFile }),
  diff: async (deps: ServiceDeps) => ({ handlers: (await import('./diff/diff-services.ts')).diffHandlers(deps) }),
  boot: async (deps: ServiceDeps) => ({ handlers: (await import('./boot/boot-services.ts')).bootHandlers(deps) }),
  labels: async (deps: ServiceDeps) => ({ handlers: (await import('./labels/label-services.ts')).labelHandlers(deps) }),
  runs: async (deps: ServiceDeps) => (await import('./runs/run-services.ts')).runHandlers(deps),
  pins: async (deps: ServiceDeps) => ({ handlers: (await import('./pins/pin-services.ts')).pinHandlers(deps) }),
  pinCost: async (deps: ServiceDeps) => ({ handlers: (await import('./pins/pin-cost-services.ts')).pinCostHandlers(deps) }),
  guix: async (deps: ServiceDeps) => ({ handlers: (await import('./guix/guix-services.ts')).guixHandlers(deps) }),
  path: async (deps: ServiceDeps) => ({ handlers: (await import('./path/path-services.ts')).pathHandlers(deps) }),
} satisfies Record<string, (deps: ServiceDeps, o: GroupOptions) => Promise<HandlerGroup>>;

type GroupName = keyof typeof GROUPS;
type GroupHandlers<G extends GroupName> = Awaited<ReturnType<(typeof GROUPS)[G]>>['handlers'];

/** Which group serves each call. The type checker holds every call to the one group whose handlers include it. */
export const GROUP_OF: { [K in CallName]: { [G in GroupName]: K extends keyof GroupHandlers<G> ? G : never }[GroupName] } = {
  machine: 'demo',
  openDemo: 'demo',
  listProfiles: 'generations',
  history: 'generations',
  actionReadiness: 'generations',
  previewSwitch: 'generations',
  switchGeneration: 'generations',
  previewDelete: 'generations',
  deleteGenerations: 'generations',
  previewGc: 'generations',
  collectGarbage: 'generations',
  diff: 'diff',
  bootMenu: 'boot',
  previewBootChange: 'boot',
  changeBoot: 'boot',
  bootEntryText: 'boot',
  setLabel: 'labels',
  settings: 'runs',
  saveSettings: 'runs',
  recipes: 'runs',
  startRun: 'runs',
  writeTerminal: 'runs',
  resizeTerminal: 'runs',
  ackTerminal: 'runs',
  stopRun: 'runs',
  listRuns: 'runs',
  runLog: 'runs',
  pinTargets: 'pins',
  previewPin: 'pins',
  addPin: 'pins',
  removePin: 'pins',
  pinSuggestions: 'pins',
  pinCost: 'pinCost',
  rankPinCosts: 'pinCost',
  guixDiff: 'guix',
  commandPath: 'path',
};

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
      const db = paths.nixDb;
      readerDb = db;
      reader = import('./nix/closure-reader.ts').then(({ openClosureReader }) => openClosureReader(db, ctx.run)).then((r) => {
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
  const options: GroupOptions = { openDemo: ctx.openDemo, storeWritable: ctx.storeWritable, switchTo, closureCacheFile: ctx.closureCacheFile };
  const loading = new Map<GroupName, Promise<HandlerGroup>>();
  const loaded: HandlerGroup[] = [];
  let closed = false;
  const group = (name: GroupName): Promise<HandlerGroup> => {
    let g = loading.get(name);
    if (!g) {
      g = GROUPS[name](deps, options).then((h: HandlerGroup) => {
        // A group whose load ends after close() is closed at once: nothing it starts outlives the services.
        if (closed) h.close?.();
        else loaded.push(h);
        return h;
      });
      loading.set(name, g);
    }
    return g;
  };
  const handlers = {} as Record<CallName, (input: unknown, caller: Caller) => Promise<unknown>>;
  for (const name of Object.keys(GROUP_OF) as CallName[]) {
    handlers[name] = async (input, caller) => {
      const h = (await group(GROUP_OF[name])).handlers[name] as ((input: unknown, caller: Caller) => Promise<unknown>) | undefined;
      if (!h) throw new Error(`the ${GROUP_OF[name]} handlers have no ${name}`);
      return h(input, caller);
    };
  }
  return {
    handlers: handlers as GentryHandlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      for (const g of loaded) g.close?.();
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
    { systemProfile: s('system-profile'), homeProfile: s('home-profile'), userProfile: s('user-profile'), bootedSystem: s('booted-system'), nixDb: s('nix-db'), guixSystemProfile: s('guix-system-profile'), guixHomeProfile: s('guix-home-profile'), guixUserProfile: s('guix-user-profile') },
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
