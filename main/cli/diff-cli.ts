// `gentry diff A B` and `gentry history`: package diffs through the contract's diff call. A side is
// what a person types (N, home:N, PROFILE:N, user:N, current, booted, a store path); the diff call
// resolves it on the machine the options name.
import { basename } from 'node:path';
import type { Diff, ProfileKind } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { type ParsedArgs, parseCount } from './args.ts';
import { answer, type CommandContext, print, stringOption, withDoor } from './command-context.ts';
import { formatDiff } from './format-diff.ts';

/** gentry diff A B [--json] */
export async function diffCommand(args: ParsedArgs): Promise<number> {
  return withDoor(args, async ({ door }) => {
    const [a = '', b = ''] = args.positionals;
    const diff = await answer(door.diff({ from: { spec: a }, to: { spec: b } }));
    print(args.values.json === true, diff, formatDiff(diff));
    return 0;
  });
}

/** The profile `history --profile` names: system (default), home, user, or a system-profiles/ name. */
function historyProfile(ctx: CommandContext): { kind: ProfileKind; name: string } {
  const which = stringOption(ctx.args.values, 'profile') ?? 'system';
  if (which === 'home') return { kind: 'home', name: 'home-manager' };
  if (which === 'user') return { kind: 'user', name: basename(ctx.paths.userProfiles[0] ?? 'profile') };
  return { kind: 'system', name: which === 'system' ? basename(ctx.paths.systemProfile) : which };
}

/** gentry history [--last N] [--profile system|home|user|PROFILE] [--json] */
export async function historyCommand(args: ParsedArgs): Promise<number> {
  const last = parseCount('last', args.values.last, 10);
  return withDoor(args, async (ctx) => {
    const { kind, name } = historyProfile(ctx);
    const { profiles } = await answer(ctx.door.listProfiles({}));
    const profile = profiles.find((p) => p.kind === kind && p.name === name);
    if (!profile) throw new GentryError('bad-input', `there is no ${kind} profile named ${JSON.stringify(name)}`, '`gentry list` shows the profiles.');
    if (profile.problem !== null) throw new GentryError('not-found', profile.problem, null);
    const { generations } = profile;
    if (generations.length < 2) throw new GentryError('not-found', `${name} has ${generations.length} generation${generations.length === 1 ? '' : 's'}: there is nothing to compare`, null);
    const diffs: Diff[] = [];
    for (const [i, g] of generations.entries()) {
      if (i === 0 || i < generations.length - last) continue;
      const prev = generations[i - 1] as (typeof generations)[number];
      const r = await ctx.door.diff({ from: { kind, name, number: prev.number }, to: { kind, name, number: g.number } });
      if (r.ok) diffs.push(r.value);
      else if (r.error.code === 'internal') throw new GentryError(r.error.code, r.error.message, r.error.hint);
      else ctx.log.warn(`skipping ${prev.number} → ${g.number}: ${r.error.message}`);
    }
    print(args.values.json === true, { profile: name, diffs }, diffs.map(formatDiff).join('\n\n'));
    return 0;
  });
}

/** Runs `diff` or `history`. */
export async function run(args: ParsedArgs): Promise<number> {
  return args.command === 'history' ? historyCommand(args) : diffCommand(args);
}
