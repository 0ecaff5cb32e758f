// `gentry pins list|check|add|remove|suggest`: pin one package to an older version through an
// overlay target (docs/pins.md), through the contract's pins calls. `--overlay DIR` names the target
// directory; the settings' targets are compared with it, so a pin that fights one of them is reported.
import { resolve } from 'node:path';
import type { PinSuggestions, PinTargetRef } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { type ParsedArgs, UsageError } from './args.ts';
import { answer, type CommandContext, generationNumber, print, profileFromOption, stringOption, withDoor } from './command-context.ts';
import { formatCost, formatProblems, formatRanking, formatSuggestions, formatTarget } from './format-pins.ts';

const SUBCOMMANDS = ['list', 'check', 'add', 'remove', 'suggest'] as const;

async function pinsCommand({ args, paths, door, log }: CommandContext): Promise<number> {
  const { values, positionals } = args;
  const [sub, ...rest] = positionals;
  const json = values.json === true;

  if (sub === 'suggest') {
    const [attr, ...extra] = rest;
    if (attr === undefined || extra.length > 0) throw new UsageError('pins suggest takes one package name');
    const git = stringOption(values, 'nixpkgs-git');
    const { notices = [], ...suggestions } = await answer(door.pinSuggestions({ attr, ...(git !== undefined ? { nixpkgsGit: resolve(git) } : {}) }));
    if (json) for (const n of notices) log.info(n);
    if (values.cost === true) return suggestCosts(door, json, log, attr, suggestions, notices, stringOption(values, 'source'), stringOption(values, 'rev'));
    if (stringOption(values, 'rev') !== undefined) throw new UsageError('pins suggest takes --rev only with --cost');
    print(json, suggestions, formatSuggestions(suggestions, notices));
    return suggestions.versions.length > 0 ? 0 : 1;
  }

  const dir = stringOption(values, 'overlay');
  if (dir === undefined) throw new UsageError(`pins ${sub} needs --overlay DIR (the target directory: pins.json and overlay.nix)`);
  const path = resolve(dir);
  const target: PinTargetRef = { path, kind: stringOption(values, 'profile') !== undefined && profileFromOption(values, paths).kind === 'home' ? 'home' : 'system' };

  if (sub === 'list' || sub === 'check') {
    if (rest.length > 0) throw new UsageError(`pins ${sub} takes no package name`);
    const { targets } = await answer(door.pinTargets({ target }));
    const state = targets[0];
    if (!state) throw new GentryError('internal', `no state for the overlay target ${path}`, null);
    print(json, state, formatTarget(state, sub === 'check'));
    return sub === 'check' && state.problems.length > 0 ? 1 : 0;
  }

  const [attr, ...extra] = rest;
  if (attr === undefined || extra.length > 0) throw new UsageError(`pins ${sub} takes one attribute name`);
  if (sub === 'remove') {
    const state = await answer(door.removePin({ target, attr }));
    print(json, state, `Removed the pin of ${attr} (the previous pins.json is pins.json.bak).\n\n${formatTarget(state, false)}`);
    return 0;
  }

  const source = stringOption(values, 'source');
  const rev = stringOption(values, 'rev');
  const generation = stringOption(values, 'from-generation');
  if (generation !== undefined && rev !== undefined) throw new UsageError('pins add takes --from-generation N or --rev REV, not both');
  if (generation === undefined && (source === undefined || rev === undefined)) throw new UsageError('pins add needs --source SRC --rev REV, or --from-generation N');
  if (generation !== undefined && !/^[1-9][0-9]{0,9}$/.test(generation)) throw new UsageError(`--from-generation takes a generation number, not ${JSON.stringify(generation)}`);
  const version = stringOption(values, 'version');
  const reason = stringOption(values, 'reason');
  const input = {
    target,
    attr,
    ...(generation !== undefined ? { fromGeneration: { ...profileFromOption(values, paths), number: generationNumber(generation) } } : { rev: rev as string }),
    ...(source !== undefined ? { source } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
  // The preview says what would be written and what is wrong; an error among the problems blocks the pin.
  const { entry, problems } = await answer(door.previewPin(input));
  const blocking = problems.filter((p) => p.severity === 'error');
  if (values['dry-run'] === true) {
    // What the pin would cost; nothing is written.
    const cost = await answer(door.pinCost({ attr: entry.attr, source: entry.source, rev: entry.rev, narHash: entry.narHash }));
    const lines = [`Would pin ${entry.attr} ${entry.version} (${entry.source} ${entry.rev.slice(0, 12)}) in ${path}/pins.json; nothing was written.`, '', ...formatCost(cost)];
    if (problems.length > 0) lines.push('', blocking.length > 0 ? `${attr} cannot be pinned so:` : 'Worth knowing:', ...formatProblems(problems));
    print(json, { added: false, dryRun: true, entry, problems, cost }, lines.join('\n'));
    return blocking.length > 0 ? 1 : 0;
  }
  if (blocking.length > 0) {
    print(json, { added: false, entry, problems }, [`${attr} was not pinned:`, ...formatProblems(blocking)].join('\n'));
    return 1;
  }
  const state = await answer(door.addPin(input));
  const pinned = state.pins.find((p) => p.attr === attr) ?? entry; // the entry as written (its creation time is the add's)
  const said = problems.length > 0 ? ['', 'Worth knowing:', ...formatProblems(problems)] : [];
  print(json, { added: true, entry: pinned, problems, target: state }, [`Pinned ${pinned.attr} ${pinned.version} (${pinned.source} ${pinned.rev.slice(0, 12)}) in ${path}/pins.json.`, ...said, '', formatTarget(state, false)].join('\n'));
  return 0;
}

/** `pins suggest ATTR --cost`: the suggestions' revisions (and --rev ones) ranked by what they would cost. */
async function suggestCosts(
  door: CommandContext['door'],
  json: boolean,
  log: CommandContext['log'],
  attr: string,
  suggestions: PinSuggestions,
  notices: readonly string[],
  source: string | undefined,
  revs: string | undefined,
): Promise<number> {
  // The generations' revisions are nixpkgs' own (the pins' default source); short ones cannot be fetched.
  const DEFAULT_SOURCE = 'github:NixOS/nixpkgs';
  const candidates: { source: string; rev: string }[] = [];
  for (const v of suggestions.versions) if (v.nixpkgsRevision !== null && /^[0-9a-f]{40}$/.test(v.nixpkgsRevision)) candidates.push({ source: DEFAULT_SOURCE, rev: v.nixpkgsRevision });
  for (const rev of (revs ?? '').split(',').map((r) => r.trim()).filter(Boolean)) candidates.push({ source: source ?? DEFAULT_SOURCE, rev });
  const unique = [...new Map(candidates.map((c) => [`${c.source} ${c.rev}`, c])).values()];
  if (unique.length === 0) {
    print(json, { ...suggestions, ranked: [] }, `${formatSuggestions(suggestions, notices)}\n\nNo full nixpkgs revision to cost: give some with --rev REV,REV (and --source SRC).`);
    return 1;
  }
  const MAX = 20;
  if (unique.length > MAX) log.warn(`${unique.length} candidate revisions; the cost of the first ${MAX} is asked`);
  const { ranked } = await answer(door.rankPinCosts({ attr, candidates: unique.slice(0, MAX) }));
  const text = [...(suggestions.versions.length > 0 ? [formatSuggestions(suggestions, notices), ''] : []), ...formatRanking(attr, ranked)].join('\n');
  print(json, { ...suggestions, ranked }, text);
  return ranked.some((r) => r.cost.state === 'checked') ? 0 : 1;
}

/** gentry pins … */
export async function run(args: ParsedArgs): Promise<number> {
  const sub = args.positionals[0];
  if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`pins takes ${SUBCOMMANDS.join(', ')}`);
  return withDoor(args, pinsCommand);
}
