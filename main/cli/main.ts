// `gentry`: the command-line door. Every command goes through the in-process door, the same
// contract the window uses.
import { homedir, userInfo } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createLogger } from '../infra/log.ts';
import { GentryError } from '../infra/errors.ts';
import { inProcessDoor } from '../in-process-door.ts';
import { gentryCacheDir, machinePaths, type MachinePaths } from '../nix/locations.ts';
import { runProcess } from '../infra/process.ts';
import { createServices, type Services } from '../services.ts';
import { parseCommandLine, parseCount, parsePort, type ParsedArgs, USAGE, UsageError } from './args.ts';
import { formatProfileList } from './format-list.ts';

const log = createLogger(process.env.GENTRY_LOG === 'debug' ? 'debug' : 'info');

function pathsFrom(values: ParsedArgs['values']): MachinePaths {
  const s = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  return machinePaths(
    { env: process.env, homeDir: homedir(), user: process.env.USER || userInfo().username },
    { systemProfile: s('system-profile'), homeProfile: s('home-profile'), userProfile: s('user-profile'), bootedSystem: s('booted-system'), nixDb: s('nix-db') },
  );
}

// The demo (world builder) and the web door load only when a command needs them, so `list` starts fast.
const loadDemo = () => import('../demo.ts');
const loadLaunch = () => import('./launch.ts');

function services(paths: MachinePaths, demo = false, extra: { boot?: { esp: string | null; efivars: string } } = {}): Services {
  const openDemo = async () => {
    const d = await loadDemo();
    return d.worldPaths(await d.openDemoWorld(d.defaultDemoDir(), log));
  };
  const closureCacheFile = join(gentryCacheDir(process.env, homedir()), 'closure-sizes.json');
  return createServices({ paths, run: runProcess, log, demo, openDemo, closureCacheFile, ...extra });
}

async function list(args: ParsedArgs): Promise<number> {
  const svc = services(pathsFrom(args.values));
  const result = await inProcessDoor(svc, log).listProfiles({});
  svc.close();
  if (!result.ok) throw new GentryError(result.error.code, result.error.message, result.error.hint);
  process.stdout.write(args.values.json ? `${JSON.stringify(result.value)}\n` : `${formatProfileList(result.value)}\n`);
  return 0;
}

// The diff engine's output is typed by the contract's inferred types; the CLI prints it as it is
// (the doors that take input from outside check outputs against the schemas; tests parse the CLI's JSON with them).
const loadDiff = () => Promise.all([import('../diff/resolve-side.ts'), import('../diff/generation-diff.ts'), import('./format-diff.ts')]);

async function diff(args: ParsedArgs): Promise<number> {
  const [{ resolveSpec }, { diffSides }, { formatDiff }] = await loadDiff();
  const paths = pathsFrom(args.values);
  const svc = services(paths);
  try {
    const [a = '', b = ''] = args.positionals;
    const [from, to] = await Promise.all([resolveSpec(paths, a), resolveSpec(paths, b)]);
    const result = await diffSides(await svc.closureReader(), from, to);
    process.stdout.write(args.values.json ? `${JSON.stringify(result)}\n` : `${formatDiff(result)}\n`);
    return 0;
  } finally {
    svc.close();
  }
}

async function history(args: ParsedArgs): Promise<number> {
  const [{ resolveGeneration }, { diffSides }, { formatDiff }] = await loadDiff();
  const [{ readProfileLinks }, { profilePath }] = await Promise.all([import('../nix/profile-links.ts'), import('../nix/profile-path.ts')]);
  const last = parseCount('last', args.values.last, 10);
  const paths = pathsFrom(args.values);
  const which = typeof args.values.profile === 'string' ? args.values.profile : 'system';
  const kind = which === 'home' ? 'home' : which === 'user' ? 'user' : 'system';
  const name = which === 'home' ? 'home-manager' : which === 'user' ? basename(paths.userProfiles[0] ?? 'profile') : which === 'system' ? basename(paths.systemProfile) : which;
  const profile = await profilePath(paths, kind, name);
  const { generations } = await readProfileLinks(profile);
  if (generations.length < 2) throw new GentryError('not-found', `${name} has ${generations.length} generation${generations.length === 1 ? '' : 's'}: there is nothing to compare`, null);
  const svc = services(paths);
  try {
    const reader = await svc.closureReader();
    const diffs = [];
    for (const [i, g] of generations.entries()) {
      if (i === 0 || i < generations.length - last) continue;
      const prev = generations[i - 1] as (typeof generations)[number];
      try {
        diffs.push(await diffSides(reader, await resolveGeneration(profile, kind, prev.number), await resolveGeneration(profile, kind, g.number)));
      } catch (err) {
        if (!(err instanceof GentryError)) throw err;
        log.warn(`skipping ${prev.number} → ${g.number}: ${err.message}`);
      }
    }
    process.stdout.write(args.values.json ? `${JSON.stringify({ profile: name, diffs })}\n` : `${diffs.map(formatDiff).join('\n\n')}\n`);
    return 0;
  } finally {
    svc.close();
  }
}

/** The context a command module gets: its parsed arguments, the paths, services over them, the log. */
export interface CommandContext {
  args: ParsedArgs;
  paths: MachinePaths;
  services: Services;
  log: typeof log;
}

/** Runs a command module's entry point with services that are closed afterwards. */
async function withServices(args: ParsedArgs, run: (ctx: CommandContext) => Promise<number>, extra: { boot?: { esp: string | null; efivars: string } } = {}): Promise<number> {
  const paths = pathsFrom(args.values);
  const svc = services(paths, false, extra);
  try {
    return await run({ args, paths, services: svc, log });
  } finally {
    svc.close();
  }
}

function bootPaths(values: ParsedArgs['values']): { esp: string | null; efivars: string } {
  return {
    esp: typeof values.esp === 'string' ? resolve(values.esp) : null,
    efivars: typeof values.efivars === 'string' ? resolve(values.efivars) : '/sys/firmware/efi/efivars',
  };
}

async function serve(args: ParsedArgs): Promise<number> {
  const { serveUi, closeOnSignal } = await loadLaunch();
  const svc = services(pathsFrom(args.values), false, { boot: bootPaths(args.values) });
  const door = await serveUi(svc, log, parsePort(args.values.port), args.values.open === true);
  await closeOnSignal(door, svc);
  return 0;
}

async function demo(args: ParsedArgs): Promise<number> {
  const { defaultDemoDir, openDemoWorld, worldPaths } = await loadDemo();
  const { closeOnSignal, electronBinary, hasDisplay, runElectron, serveUi } = await loadLaunch();
  const dir = resolve(typeof args.values.dir === 'string' ? args.values.dir : defaultDemoDir());
  const world = await openDemoWorld(dir, log);
  log.info(`demo machine ready in ${dir}`);
  const paths = worldPaths(world);
  const bin = electronBinary();
  if (args.values.electron || (bin && hasDisplay() && !args.values.port)) {
    if (!bin) throw new GentryError('unavailable', 'The Electron binary is not installed.', 'Run `npm start` once with network access, or drop --electron to use the browser.');
    return runElectron(bin, ['--demo', '--system-profile', paths.systemProfile, '--home-profile', paths.homeProfiles[0] as string, '--user-profile', paths.userProfiles[0] as string, '--booted-system', paths.bootedSystem]);
  }
  const boot = {
    esp: typeof args.values.esp === 'string' ? resolve(args.values.esp) : world.esp,
    efivars: typeof args.values.efivars === 'string' ? resolve(args.values.efivars) : join(world.root, 'sys/firmware/efi/efivars'),
  };
  const svc = services(paths, true, { boot });
  const door = await serveUi(svc, log, parsePort(args.values.port), args.values['no-open'] !== true);
  await closeOnSignal(door, svc);
  return 0;
}

/** Runs the command line; resolves with the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCommandLine(argv);
  } catch (err) {
    process.stderr.write(`gentry: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help' || args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    if (args.command === 'list') return await list(args);
    if (args.command === 'diff') return await diff(args);
    if (args.command === 'history') return await history(args);
    if (args.command === 'boot') return await withServices(args, async (ctx) => (await import('./boot-cli.ts')).bootCommand(ctx), { boot: bootPaths(args.values) });
    if (args.command === 'label') return await withServices(args, async (ctx) => (await import('./label-cli.ts')).labelCommand(ctx));
    if (args.command === 'pins') return await withServices(args, async (ctx) => (await import('./pins-cli.ts')).pinsCommand(ctx));
    if (args.command === 'progress') return await (await import('./progress-cli.ts')).progressCommand(args);
    if (args.command === 'switch' || args.command === 'delete' || args.command === 'gc') {
      const actions = await import('./actions.ts');
      const paths = pathsFrom(args.values);
      const svc = services(paths);
      const ctx = { paths, services: svc, log, values: args.values, positionals: args.positionals };
      try {
        return await (args.command === 'switch' ? actions.switchCommand(ctx) : args.command === 'delete' ? actions.deleteCommand(ctx) : actions.gcCommand(ctx));
      } finally {
        svc.close();
      }
    }
    if (args.command === 'serve') return await serve(args);
    return await demo(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`gentry: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof GentryError) {
      process.stderr.write(`gentry: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ''}`);
      // A generation that does not exist or cannot be named is a bad argument; anything else could not be computed.
      return err.code === 'bad-input' ? 2 : 1;
    }
    process.stderr.write(`gentry: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
