// `gentry switch`, `gentry delete` and `gentry gc`: the contract's preview first, then (after --yes or
// a yes at the prompt) the contract's action, which goes through the privileged helper for system
// profiles and acts on the person's own links for home-manager.
import type { ActionOutcome, GentryApi, SwitchMode } from '../../common/contract/index.ts';
import { formatSize } from '../../common/format-size.ts';
import { GentryError } from '../infra/errors.ts';
import type { Logger } from '../infra/log.ts';
import { type ParsedArgs, UsageError } from './args.ts';
import { answer, type CommandContext, generationFromArg, withDoor } from './command-context.ts';
import { confirm } from './confirm.ts';
import { formatDiff } from './format-diff.ts';

function report(outcome: ActionOutcome, json: boolean, preview: unknown): number {
  if (json) process.stdout.write(`${JSON.stringify({ preview, outcome })}\n`);
  else process.stderr.write(`gentry: ${outcome.message}\n`);
  return outcome.state === 'done' ? 0 : 1;
}

/** Runs `action` with the helper's progress lines on the log. */
async function withProgress<T>(door: GentryApi, log: Logger, action: () => Promise<T>): Promise<T> {
  const unsubscribe = door.on('actionProgress', ({ message }) => log.info(message));
  try {
    return await action();
  } finally {
    unsubscribe();
  }
}

/** gentry switch N|home:N|PROFILE:N [--mode switch|boot|test] [--profile NAME] [--yes] [--json] */
async function switchCommand({ args, paths, door, log }: CommandContext): Promise<number> {
  const { values, positionals } = args;
  if (positionals.length !== 1) throw new UsageError('switch takes one generation (N, home:N or PROFILE:N)');
  const mode = (values.mode ?? 'switch') as SwitchMode;
  if (!['switch', 'boot', 'test'].includes(mode)) throw new UsageError(`--mode is switch, boot or test, not ${JSON.stringify(mode)}`);
  const generation = generationFromArg(positionals[0] as string, values, paths);
  if (generation.kind === 'home' && mode !== 'switch') throw new UsageError('home-manager generations are only switched to (--mode switch): they have no boot entry');
  const { number, name } = generation;
  const preview = await answer(door.previewSwitch({ generation, mode }));
  if (!values.json) {
    if (preview.alreadyCurrent) process.stdout.write(`Generation ${number} is already the current one; ${mode === 'switch' ? 'it will be activated again' : `this runs switch-to-configuration ${mode}`}.\n`);
    else if (preview.diff) process.stdout.write(`${formatDiff(preview.diff)}\n`);
  }
  const verb = mode === 'boot' ? 'Boot into' : mode === 'test' ? 'Activate (without making it the default)' : 'Switch to';
  if (!(await confirm(`${verb} generation ${number} of ${name}?`, values))) return 1;
  const outcome = await withProgress(door, log, () => answer(door.switchGeneration({ generation, mode })));
  return report(outcome, values.json === true, preview);
}

/** gentry delete N…|home:N… [--profile NAME] [--yes] [--delete-labelled] [--json] */
async function deleteCommand({ args, paths, door, log }: CommandContext): Promise<number> {
  const { values, positionals } = args;
  if (positionals.length === 0) throw new UsageError('delete takes one or more generations (N, home:N or PROFILE:N)');
  const refs = positionals.map((p) => generationFromArg(p, values, paths));
  const { kind, name } = refs[0] as (typeof refs)[number];
  if (refs.some((r) => r.kind !== kind || r.name !== name)) throw new UsageError('delete takes generations of one profile at a time');
  if (kind !== 'system' && kind !== 'home') throw new UsageError('only system and home-manager generations can be deleted here');
  const numbers = refs.map((r) => r.number);
  const preview = await answer(door.previewDelete({ kind, name, numbers }));
  const many = preview.generations.length > 1;
  if (!values.json) {
    process.stdout.write(`Delete generation${many ? 's' : ''} ${preview.generations.join(', ')} of ${name}.\n`);
    process.stdout.write(`Afterwards ${preview.collectablePaths} store paths (${formatSize(preview.collectableBytes)}) are reached by no other generation of ${name} and can be collected by \`gentry gc\`.\n`);
    for (const l of preview.labelled) process.stdout.write(`Generation ${l.number} is labelled “${l.label}”.\n`);
  }
  if (!(await confirm(`Delete ${preview.generations.length} generation${many ? 's' : ''}?`, values))) return 1;
  // The protection of labelled generations is the contract's: without --delete-labelled (or a second yes
  // on a terminal) deleteGenerations refuses them, with the same message the window shows.
  let confirmLabelled = values['delete-labelled'] === true;
  if (preview.labelled.length > 0 && !confirmLabelled && process.stdin.isTTY) {
    const one = preview.labelled.length === 1;
    const which = preview.labelled.map((l) => String(l.number)).join(', ');
    if (!(await confirm(`Generation${one ? '' : 's'} ${which} ${one ? 'is' : 'are'} labelled. Delete ${one ? 'it' : 'them'} anyway?`, { yes: false }))) return 1;
    confirmLabelled = true;
  }
  const outcome = await withProgress(door, log, () => answer(door.deleteGenerations({ kind, name, numbers: preview.generations, confirmLabelled })));
  return report(outcome, values.json === true, preview);
}

/** gentry gc [--dry-run] [--yes] [--json] */
async function gcCommand({ args, door, log }: CommandContext): Promise<number> {
  const { values, positionals } = args;
  if (positionals.length > 0) throw new UsageError('gc takes no arguments');
  const dry = await answer(door.previewGc({}));
  if (dry.outcome.state !== 'done') throw new GentryError('unavailable', dry.outcome.message, null);
  if (!values.json || values['dry-run']) {
    const summary = `${dry.deadPaths ?? '?'} dead store paths${dry.bytes !== null ? ` (about ${formatSize(dry.bytes)})` : ''}`;
    if (values['dry-run']) {
      if (values.json) process.stdout.write(`${JSON.stringify({ preview: dry.outcome.result })}\n`);
      else process.stdout.write(`${summary} would be deleted.\n`);
      return 0;
    }
    process.stdout.write(`${summary} will be deleted.\n`);
  }
  if (!(await confirm('Collect garbage now?', values))) return 1;
  const outcome = await withProgress(door, log, () => answer(door.collectGarbage({})));
  return report(outcome, values.json === true, dry.outcome.result);
}

/** Runs `switch`, `delete` or `gc`. */
export async function run(args: ParsedArgs): Promise<number> {
  return withDoor(args, (ctx) => (args.command === 'switch' ? switchCommand(ctx) : args.command === 'delete' ? deleteCommand(ctx) : gcCommand(ctx)));
}
