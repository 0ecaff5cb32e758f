// The recipes: every command line the rebuild terminal can run, built here in main from the settings and
// never from a string the renderer sends (shared/STYLE.md habit 9). Pure: what the machine has (programs
// on PATH, the helper, a writable flake directory) is probed elsewhere (recipe-environment.ts) and passed in.
import { HELPER_MISSING, PKEXEC_MISSING } from '../helper/helper-readiness.ts';
import { basename, join } from 'node:path';
import type { RebuildMode, Recipe, RecipeId, Settings } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import type { HelperCommand } from '../helper/helper-client.ts';
import type { MachinePaths } from '../nix/locations.ts';

/** What the machine offers, as far as the recipes care. */
export interface RecipeEnvironment {
  /** True when a program can be started (found on PATH, or an existing executable path). */
  has(program: string): boolean;
  /** True when the privileged helper is there: the installed one under pkexec, or GENTRY_HELPER's binary. */
  helperInstalled: boolean;
  /** The system flake's directory, when it is a local path, and whether this user may write its lock file. */
  flakeDir: { path: string; writable: boolean; exists?: boolean } | null;
}

/** Everything recipes are built from. */
export interface RecipeContext {
  settings: Settings;
  demo: boolean;
  helper: HelperCommand;
  homeDir: string;
  /** Where generated files (the demo build's expression) go. */
  stateDir: string;
  paths: MachinePaths;
  env: RecipeEnvironment;
  /** The environment runs inherit. */
  processEnv: Record<string, string | undefined>;
}

/** A profile whose current generation is compared before and after a run. */
export interface GenerationWatch {
  kind: 'system' | 'home';
  name: string;
  profile: string;
}

/** A recipe made concrete: exactly what to start. */
export interface RecipePlan {
  recipe: RecipeId;
  mode: RebuildMode | null;
  title: string;
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** The command as the person reads it (never run). */
  command: string;
  /** True when the program is the privileged helper, whose JSON protocol lines are taken out of the terminal. */
  helperProtocol: boolean;
  watch: GenerationWatch | null;
  /** A file to write before starting (the demo build's expression). */
  writeFirst: { path: string; text: string } | null;
}

/** Every recipe, in the order the UI lists them. */
export const RECIPE_IDS: readonly RecipeId[] = ['rebuild-system', 'switch-home', 'update-flake', 'collect-garbage', 'demo-build'];
const MODES: RebuildMode[] = ['switch', 'boot', 'test', 'build'];

/** Nix's internal-json log, so Gentry can show progress. */
const NIX_LOG = ['--log-format', 'internal-json', '-v'];
const FLAKES = ['--extra-experimental-features', 'nix-command flakes'];

/** Quotes one argument for reading (POSIX shell rules); nothing is ever run through a shell. */
export function quoteArg(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./#-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** A command line for reading. */
export function displayCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map(quoteArg).join(' ');
}

/** `~/x` → `$HOME/x`: the helper runs as root, whose `~` is not the person's. */
export function expandHome(ref: string, homeDir: string): string {
  return ref === '~' ? homeDir : ref.startsWith('~/') ? join(homeDir, ref.slice(2)) : ref;
}

/** The directory of a flake reference when it is a local path (`/x`, `~/x`, `path:/x`, `git+file:///x`, with `?dir=`), else null. */
export function localFlakeDir(ref: string, homeDir: string): string | null {
  const noAttr = ref.split('#')[0] ?? '';
  let path: string;
  let query = '';
  if (noAttr.startsWith('/') || noAttr.startsWith('~/')) {
    path = noAttr;
  } else if (noAttr.startsWith('path:') || noAttr.startsWith('git+file://')) {
    const rest = noAttr.startsWith('path:') ? noAttr.slice('path:'.length) : noAttr.slice('git+file://'.length);
    const q = rest.indexOf('?');
    path = q === -1 ? rest : rest.slice(0, q);
    query = q === -1 ? '' : rest.slice(q + 1);
  } else {
    return null;
  }
  path = expandHome(path, homeDir);
  if (!path.startsWith('/')) return null;
  const dir = new URLSearchParams(query).get('dir');
  return dir && !dir.split('/').includes('..') ? join(path, dir) : path;
}

function helperArgs(ctx: RecipeContext, verb: string[]): { file: string; args: string[] } {
  return { file: ctx.helper.program, args: [...ctx.helper.prefix, ...verb] };
}

function helperMissing(ctx: RecipeContext): string | null {
  if (ctx.helper.viaPkexec && !ctx.env.has(ctx.helper.program)) return PKEXEC_MISSING;
  if (!ctx.env.helperInstalled) return HELPER_MISSING;
  return null;
}

const NOT_IN_DEMO = 'Not on the demo machine: this would change the real system. Leave the demo to use it.';

interface Draft {
  title: string;
  description: string;
  modes: RebuildMode[];
  privileged: boolean;
  unavailable: string | null;
  /** The command for a mode (the first mode shown in the list). */
  build(mode: RebuildMode | null, runId: string): Omit<RecipePlan, 'recipe' | 'mode' | 'title' | 'command'>;
}

function draft(id: RecipeId, ctx: RecipeContext): Draft {
  const { settings, env } = ctx;
  const baseEnv = ctx.processEnv;
  switch (id) {
    case 'rebuild-system': {
      const flake = settings.systemFlake === null ? null : expandHome(settings.systemFlake, ctx.homeDir);
      return {
        title: 'Rebuild the system',
        description: 'nixos-rebuild with the system flake, through the privileged helper: switch (activate now and boot it), boot (at the next boot), test (activate now only) or build (build only).',
        modes: MODES,
        privileged: true,
        unavailable: ctx.demo ? NOT_IN_DEMO : flake === null ? 'Set the system flake in Settings (for example /etc/nixos#myhost).' : helperMissing(ctx),
        build: (mode) => ({
          ...helperArgs(ctx, ['rebuild', '--mode', mode ?? 'switch', '--flake', flake ?? 'FLAKE']),
          cwd: ctx.homeDir,
          env: baseEnv,
          helperProtocol: true,
          watch: mode === 'switch' || mode === 'boot' ? { kind: 'system', name: basename(ctx.paths.systemProfile), profile: ctx.paths.systemProfile } : null,
          writeFirst: null,
        }),
      };
    }
    case 'switch-home': {
      const flake = settings.homeFlake === null ? null : expandHome(settings.homeFlake, ctx.homeDir);
      const profile = ctx.paths.homeProfiles[0] ?? null;
      return {
        title: 'Switch home-manager',
        description: 'home-manager switch with the home flake (needs home-manager 25.05 or later, which passes --log-format on to Nix).',
        modes: [],
        privileged: false,
        unavailable: ctx.demo ? NOT_IN_DEMO : flake === null ? 'Set the home flake in Settings (for example ~/nixos-config#me@myhost).' : env.has('home-manager') ? null : 'home-manager is not on PATH. Install it (programs.home-manager.enable = true), then try again.',
        build: () => ({
          file: 'home-manager',
          args: ['switch', '--flake', flake ?? 'FLAKE', '--log-format', 'internal-json'],
          cwd: ctx.homeDir,
          env: baseEnv,
          helperProtocol: false,
          watch: profile === null ? null : { kind: 'home', name: 'home-manager', profile },
          writeFirst: null,
        }),
      };
    }
    case 'update-flake': {
      const ref = settings.systemFlake;
      const dir = ref === null ? null : localFlakeDir(ref, ctx.homeDir);
      let unavailable: string | null = null;
      if (ctx.demo) unavailable = NOT_IN_DEMO;
      else if (ref === null) unavailable = 'Set the system flake in Settings first.';
      else if (dir === null) unavailable = `The system flake ${ref} is not a local directory, so there is no flake.lock here to update.`;
      else if (env.flakeDir && env.flakeDir.exists === false) unavailable = `${dir} does not exist. Set the system flake in Settings to the directory that holds your flake.nix.`;
      else if (!env.flakeDir || !env.flakeDir.writable) unavailable = `${dir} (its flake.lock) is not writable by you. Update it as its owner, or keep your configuration in a directory you own.`;
      else if (!env.has('nix')) unavailable = 'The nix command is not on PATH.';
      return {
        title: 'Update the flake inputs',
        description: 'nix flake update in the system flake\'s directory: newer nixpkgs and other inputs in flake.lock. Rebuild afterwards to use them.',
        modes: [],
        privileged: false,
        unavailable,
        build: () => ({ file: 'nix', args: [...FLAKES, 'flake', 'update', ...NIX_LOG], cwd: dir ?? ctx.homeDir, env: baseEnv, helperProtocol: false, watch: null, writeFirst: null }),
      };
    }
    case 'collect-garbage':
      return {
        title: 'Collect garbage',
        description: 'nix-store --gc through the privileged helper: deletes every store path no generation or other root uses.',
        modes: [],
        privileged: true,
        unavailable: ctx.demo ? NOT_IN_DEMO : helperMissing(ctx),
        build: () => ({ ...helperArgs(ctx, ['collect-garbage']), cwd: ctx.homeDir, env: baseEnv, helperProtocol: true, watch: null, writeFirst: null }),
      };
    case 'demo-build': {
      const dir = join(ctx.stateDir, 'demo-build');
      return {
        title: 'Demo build',
        description: 'Builds six small derivations (some depend on others) with nix-build, to show the terminal and its progress on the demo machine. Nothing is installed.',
        modes: [],
        privileged: false,
        unavailable: !ctx.demo ? 'Only on the demo machine.' : env.has('nix-build') ? null : 'nix-build is not on PATH.',
        build: (_mode, runId) => {
          const file = join(dir, `${runId}.nix`);
          return {
            file: 'nix-build',
            args: [file, '--no-out-link', '--max-jobs', '2', ...NIX_LOG],
            cwd: dir,
            env: withNoSubstituters(baseEnv),
            helperProtocol: false,
            watch: null,
            writeFirst: { path: file, text: demoBuildExpression(runId) },
          };
        },
      };
    }
  }
}

/** The demo build runs offline: no substituters to wait on. */
function withNoSubstituters(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...env, NIX_CONFIG: `${env.NIX_CONFIG ? `${env.NIX_CONFIG}\n` : ''}substituters =` };
}

/** Every recipe as the UI lists it. */
export function listRecipes(ctx: RecipeContext): Recipe[] {
  return RECIPE_IDS.map((id) => {
    const d = draft(id, ctx);
    const plan = d.build(d.modes[0] ?? null, 'RUNID');
    const command = displayCommand(plan.file, plan.args);
    const commandsByMode = d.modes.length > 0 ? Object.fromEntries(d.modes.map((m) => { const p = d.build(m, 'RUNID'); return [m, displayCommand(p.file, p.args)]; })) : undefined;
    return { id, title: d.title, description: d.description, modes: d.modes, privileged: d.privileged, available: d.unavailable === null, unavailableReason: d.unavailable, command, ...(commandsByMode ? { commandsByMode } : {}) };
  });
}

/** The exact command for one run, or a GentryError saying why it cannot run. */
export function planRecipe(id: RecipeId, mode: RebuildMode | undefined, runId: string, ctx: RecipeContext): RecipePlan {
  const d = draft(id, ctx);
  if (d.unavailable !== null) throw new GentryError('unavailable', `${d.title} cannot run: ${d.unavailable}`, d.unavailable);
  if (d.modes.length > 0 && mode === undefined) throw new GentryError('bad-input', `${d.title} needs a mode: ${d.modes.join(', ')}`, null);
  if (d.modes.length === 0 && mode !== undefined) throw new GentryError('bad-input', `${d.title} takes no mode`, null);
  const m = mode ?? null;
  const plan = d.build(m, runId);
  return { ...plan, recipe: id, mode: m, title: m ? `${d.title} (${m})` : d.title, command: displayCommand(plan.file, plan.args) };
}

/**
 * The demo build's Nix expression: six derivations (a ← b, c ← d, e, and `top` needing b, d and e), each
 * printing a few lines, naming its phases and sleeping 0.5–1 s. The run ID is in every name, so every run
 * really builds. Builders are `/bin/sh` with shell built-ins only (plus `sleep` where one is found), so they
 * work in NixOS's sandbox, whose /bin/sh is the only program it offers.
 */
export function demoBuildExpression(runId: string): string {
  // The run ID's random part keeps names short in the log; the whole ID is in every derivation too.
  const tag = runId.slice(-6).toLowerCase().replace(/[^a-z0-9]/g, '') || 'demo';
  const step = (name: string, deps: string[], seconds: string, lines: string[]) => {
    const say = lines.map((l) => `echo ${JSON.stringify(l)}`).join('; ');
    return `  ${name} = mk "${name}" [ ${deps.join(' ')} ] "${seconds}" ''${say}'';`;
  };
  return `# Generated by Gentry for the demo build ${runId}; safe to delete.
let
  mk = name: deps: seconds: script: derivation {
    name = "demo-\${name}-${tag}";
    system = builtins.currentSystem;
    builder = "/bin/sh";
    run = "${runId}";
    inherit deps;
    args = [ "-c" ''
      phase() { echo "@nix {\\"action\\":\\"setPhase\\",\\"phase\\":\\"$1\\"}" >&2; }
      nap() {
        for s in /bin/sleep /usr/bin/sleep /run/current-system/sw/bin/sleep; do
          if [ -x "$s" ]; then "$s" "$1"; return; fi
        done
        i=0; while [ $i -lt 200000 ]; do i=$((i + 1)); done
      }
      phase configurePhase
      echo "configuring \${name}"
      nap \${seconds}
      phase buildPhase
      \${script}
      nap \${seconds}
      phase installPhase
      echo "\${name} done" > $out
    '' ];
  };
${step('a', [], '0.6', ['compiling a.c', 'linking a'])}
${step('b', ['a'], '0.5', ['b uses a', 'running the tests of b', 'all 3 tests passed'])}
${step('c', [], '0.8', ['compiling c.c', 'warning: c.c:12: unused variable', 'linking c'])}
${step('d', ['c'], '0.5', ['d wraps c'])}
${step('e', [], '1', ['fetching nothing: e is local', 'building e'])}
${step('top', ['b', 'd', 'e'], '0.5', ['assembling top from b, d and e'])}
in top
`;
}
