// `gentry diff A B` and `gentry history`: package diffs through the contract's diff call. A side is
// what a person types (N, home:N, PROFILE:N, user:N, current, booted, a store path); the diff call
// resolves it on the machine the options name.
import { basename } from 'node:path';
import type { Diff, GuixDiff, GuixGenerationRef, ProfileKind } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { type ParsedArgs, parseCount, UsageError } from './args.ts';
import { answer, type CommandContext, generationNumber, print, stringOption, withDoor } from './command-context.ts';
import { formatDiff } from './format-diff.ts';
import { formatGuixDiff } from './format-guix.ts';

const GUIX_SPEC = /^(guix-system|guix-home|guix-user):(.*)$/;

/** `guix-system:N`, `guix-home:N` or `guix-user:N` as the guixDiff call takes it; null for a Nix side. */
function guixSide(spec: string): GuixGenerationRef | null {
  const m = GUIX_SPEC.exec(spec);
  return m ? { kind: m[1] as GuixGenerationRef['kind'], number: generationNumber(m[2]!) } : null;
}

/** gentry diff A B [--json] */
export async function diffCommand(args: ParsedArgs): Promise<number> {
  return withDoor(args, async ({ door }) => {
    const [a = '', b = ''] = args.positionals;
    const [ga, gb] = [guixSide(a), guixSide(b)];
    if ((ga === null) !== (gb === null)) throw new UsageError(`${ga === null ? b : a} is a Guix generation and ${ga === null ? a : b} is not: Gentry compares Guix generations with Guix generations`);
    if (ga !== null && gb !== null) {
      const diff = await answer(door.guixDiff({ from: ga, to: gb }));
      print(args.values.json === true, diff, formatGuixDiff(diff));
      return 0;
    }
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
    const which = stringOption(ctx.args.values, 'profile');
    if (which === 'guix-system' || which === 'guix-home' || which === 'guix-user') return guixHistory(ctx, which, last);
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

/** history --profile guix-system|guix-home|guix-user: each of the last generations against the one before it. */
async function guixHistory(ctx: CommandContext, kind: GuixGenerationRef['kind'], last: number): Promise<number> {
  const { guixProfiles } = await answer(ctx.door.listProfiles({}));
  const profile = guixProfiles?.find((p) => p.kind === kind);
  if (!profile) throw new GentryError('bad-input', `this machine has no ${kind} profile`, 'The profile list shows the profiles there are.');
  if (profile.problem !== null) throw new GentryError('not-found', profile.problem, null);
  const { generations } = profile;
  if (generations.length < 2) throw new GentryError('not-found', `${kind} has ${generations.length} generation${generations.length === 1 ? '' : 's'}: there is nothing to compare`, null);
  const diffs: GuixDiff[] = [];
  for (let i = Math.max(1, generations.length - last); i < generations.length; i++) {
    const [prev, g] = [generations[i - 1]!, generations[i]!];
    const r = await ctx.door.guixDiff({ from: { kind, number: prev.number }, to: { kind, number: g.number } });
    if (r.ok) diffs.push(r.value);
    else if (r.error.code === 'internal') throw new GentryError(r.error.code, r.error.message, r.error.hint);
    else ctx.log.warn(`skipping ${prev.number} → ${g.number}: ${r.error.message}`);
  }
  print(ctx.args.values.json === true, { profile: kind, diffs }, diffs.map(formatGuixDiff).join('\n\n'));
  return 0;
}

/** Runs `diff` or `history`. */
export async function run(args: ParsedArgs): Promise<number> {
  return args.command === 'history' ? historyCommand(args) : diffCommand(args);
}
