// `gentry pins list|check|add|remove|suggest`: pin one package to an older version through an
// overlay target (docs/pins.md). `--overlay DIR` names the target directly; the settings' targets are
// read too, so a pin that fights one of them is reported.
import { homedir } from 'node:os';
import { basename, resolve } from 'node:path';
import type { OverlayTarget } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { gentryCacheDir, gentryConfigDir } from '../nix/locations.ts';
import { type PinRequest, Pins } from '../pins/pin-engine.ts';
import { expandHome, settingsTargets } from '../pins/pin-services.ts';
import { formatProblems, formatSuggestions, formatTarget } from '../pins/pins-text.ts';
import { runProcess } from '../infra/process.ts';
import { readSettings } from '../settings/settings.ts';
import { UsageError } from './args.ts';
import type { CommandContext } from './main.ts';

const SUBCOMMANDS = ['list', 'check', 'add', 'remove', 'suggest'] as const;

function str(values: CommandContext['args']['values'], key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}

/** The generation profile `--profile` names: system (default), home, or a system-profiles/ name. */
function generationProfile(ctx: CommandContext): { kind: 'system' | 'home'; name: string } {
  const which = str(ctx.args.values, 'profile') ?? basename(ctx.paths.systemProfile);
  return which === 'home' || which === 'home-manager' ? { kind: 'home', name: 'home-manager' } : { kind: 'system', name: which };
}

/** gentry pins … */
export async function pinsCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = ctx.args;
  const [sub, ...rest] = positionals;
  if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`pins takes ${SUBCOMMANDS.join(', ')}`);
  const json = values.json === true;
  const out = (value: unknown, text: string) => process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);

  let settings = null;
  try {
    settings = await readSettings(gentryConfigDir(process.env, homedir()));
  } catch (err) {
    if (!(err instanceof GentryError)) throw err;
    ctx.log.warn(`the settings cannot be read (${err.message}); other overlay targets are not compared`);
  }
  const gitOption = str(values, 'nixpkgs-git');
  const pins = new Pins({
    paths: ctx.paths,
    run: runProcess,
    log: ctx.log,
    reader: () => ctx.services.closureReader(),
    cacheDir: gentryCacheDir(process.env, homedir()),
    nixpkgsGit: gitOption ? resolve(gitOption) : settings?.nixpkgsGit ? expandHome(settings.nixpkgsGit) : null,
    now: () => new Date(),
  });

  if (sub === 'suggest') {
    const [attr, ...extra] = rest;
    if (attr === undefined || extra.length > 0) throw new UsageError('pins suggest takes one package name');
    const { notices, ...suggestions } = await pins.suggest(attr);
    if (json) for (const n of notices) ctx.log.info(n);
    out(suggestions, formatSuggestions(suggestions, notices));
    return suggestions.versions.length > 0 ? 0 : 1;
  }

  const dir = str(values, 'overlay');
  if (dir === undefined) throw new UsageError(`pins ${sub} needs --overlay DIR (the target directory: pins.json and overlay.nix)`);
  const path = resolve(dir);
  const known = settings ? settingsTargets(settings) : [];
  const inSettings = known.find((t) => t.path === path);
  const target: OverlayTarget = inSettings ?? { name: basename(path) || 'overlay', path, kind: str(values, 'profile') && generationProfile(ctx).kind === 'home' ? 'home' : 'system' };
  const others = known.filter((t) => t.path !== path);

  if (sub === 'list' || sub === 'check') {
    if (rest.length > 0) throw new UsageError(`pins ${sub} takes no package name`);
    const state = await pins.targetState(target, others);
    out(state, formatTarget(state, sub === 'check'));
    return sub === 'check' && state.problems.length > 0 ? 1 : 0;
  }

  const [attr, ...extra] = rest;
  if (attr === undefined || extra.length > 0) throw new UsageError(`pins ${sub} takes one attribute name`);
  if (sub === 'remove') {
    const state = await pins.remove(target, others, attr);
    out(state, `Removed the pin of ${attr} (the previous pins.json is pins.json.bak).\n\n${formatTarget(state, false)}`);
    return 0;
  }

  const source = str(values, 'source');
  const rev = str(values, 'rev');
  const generation = str(values, 'from-generation');
  if (generation !== undefined && rev !== undefined) throw new UsageError('pins add takes --from-generation N or --rev REV, not both');
  if (generation === undefined && (source === undefined || rev === undefined)) throw new UsageError('pins add needs --source SRC --rev REV, or --from-generation N');
  if (generation !== undefined && !/^[1-9][0-9]{0,9}$/.test(generation)) throw new UsageError(`--from-generation takes a generation number, not ${JSON.stringify(generation)}`);
  const version = str(values, 'version');
  const reason = str(values, 'reason');
  const req: PinRequest = {
    attr,
    route:
      generation !== undefined
        ? { from: 'generation', generation: { ...generationProfile(ctx), number: Number(generation) }, ...(source !== undefined ? { source } : {}) }
        : { from: 'source', source: source as string, rev: rev as string },
    ...(version !== undefined ? { version } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
  const done = await pins.tryAdd(target, others, req);
  const { entry, problems } = done.preview;
  if (!done.added) {
    out({ added: false, entry, problems }, [`${attr} was not pinned:`, ...formatProblems(done.blocking)].join('\n'));
    return 1;
  }
  const said = problems.length > 0 ? ['', 'Worth knowing:', ...formatProblems(problems)] : [];
  out({ added: true, entry, problems, target: done.target }, [`Pinned ${entry.attr} ${entry.version} (${entry.source} ${entry.rev.slice(0, 12)}) in ${path}/pins.json.`, ...said, '', formatTarget(done.target, false)].join('\n'));
  return 0;
}
