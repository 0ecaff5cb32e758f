// `gentry switch`, `gentry delete` and `gentry gc`: the preview first, then (after --yes or a yes at
// the prompt) the privileged helper.
import { formatSize } from '../../common/format-size.ts';
import { GentryError } from '../infra/errors.ts';
import { type HelperOutcome, helperCommand, runHelper } from '../helper/helper-client.ts';
import { previewSwitch, type SwitchMode } from '../helper/generation-actions.ts';
import type { Logger } from '../infra/log.ts';
import type { MachinePaths } from '../nix/locations.ts';
import type { Services } from '../services.ts';
import { UsageError } from './args.ts';
import { confirm } from './confirm.ts';
import { formatDiff } from './format-diff.ts';

/** What the action commands need. */
export interface ActionContext {
  paths: MachinePaths;
  services: Services;
  log: Logger;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function generationNumber(s: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(s) || Number(s) > 4294967295) throw new UsageError(`${JSON.stringify(s)} is not a generation number`);
  return Number(s);
}

function profileName(values: ActionContext['values'], paths: MachinePaths): string {
  return typeof values.profile === 'string' ? values.profile : (paths.systemProfile.split('/').pop() as string);
}

function report(outcome: HelperOutcome, json: boolean, preview: unknown): number {
  if (json) process.stdout.write(`${JSON.stringify({ preview, outcome })}\n`);
  else process.stderr.write(`gentry: ${outcome.message}\n`);
  return outcome.state === 'done' ? 0 : 1;
}

const progress = (log: Logger) => (e: Record<string, unknown>) => log.info(typeof e.message === 'string' ? e.message : JSON.stringify(e));

/** gentry switch N [--mode switch|boot|test] [--profile NAME] [--yes] [--json] */
export async function switchCommand(ctx: ActionContext): Promise<number> {
  if (ctx.positionals.length !== 1) throw new UsageError('switch takes one generation number');
  const number = generationNumber(ctx.positionals[0] as string);
  const mode = (ctx.values.mode ?? 'switch') as SwitchMode;
  if (!['switch', 'boot', 'test'].includes(mode)) throw new UsageError(`--mode is switch, boot or test, not ${JSON.stringify(mode)}`);
  const name = profileName(ctx.values, ctx.paths);
  const preview = await previewSwitch(ctx.paths, await ctx.services.closureReader(), name, number);
  if (!ctx.values.json) {
    if (preview.alreadyCurrent) process.stdout.write(`Generation ${number} is already the current one; ${mode === 'switch' ? 'it will be activated again' : `this runs switch-to-configuration ${mode}`}.\n`);
    else if (preview.diff) process.stdout.write(`${formatDiff(preview.diff)}\n`);
  }
  const verb = mode === 'boot' ? 'Boot into' : mode === 'test' ? 'Activate (without making it the default)' : 'Switch to';
  if (!(await confirm(`${verb} generation ${number} of ${name}?`, ctx.values))) return 1;
  const outcome = await runHelper(helperCommand(), ['switch', '--profile', name, '--generation', String(number), '--mode', mode], progress(ctx.log));
  return report(outcome, ctx.values.json === true, preview);
}

/** gentry delete N… [--profile NAME] [--yes] [--delete-labelled] [--json] */
export async function deleteCommand(ctx: ActionContext): Promise<number> {
  if (ctx.positionals.length === 0) throw new UsageError('delete takes one or more generation numbers');
  const numbers = ctx.positionals.map(generationNumber);
  const name = profileName(ctx.values, ctx.paths);
  // Through the contract: the same refusals and the same labelled-generation protection as the window.
  const preview = await ctx.services.handlers.previewDelete({ kind: 'system', name, numbers }, { client: 'cli' });
  if (!ctx.values.json) {
    process.stdout.write(`Delete generation${preview.generations.length > 1 ? 's' : ''} ${preview.generations.join(', ')} of ${name}.\n`);
    process.stdout.write(`Afterwards ${preview.collectablePaths} store paths (${formatSize(preview.collectableBytes)}) are reached by no other generation of ${name} and can be collected by \`gentry gc\`.\n`);
    for (const l of preview.labelled) process.stdout.write(`Generation ${l.number} is labelled “${l.label}”.\n`);
  }
  if (!(await confirm(`Delete ${preview.generations.length} generation${preview.generations.length > 1 ? 's' : ''}?`, ctx.values))) return 1;
  if (preview.labelled.length > 0 && ctx.values['delete-labelled'] !== true) {
    const which = preview.labelled.map((l) => String(l.number)).join(', ');
    if (!process.stdin.isTTY) throw new GentryError('bad-input', `generation${preview.labelled.length > 1 ? 's' : ''} ${which} ${preview.labelled.length > 1 ? 'are' : 'is'} labelled and protected`, 'Pass --delete-labelled as well to delete labelled generations, or remove the label with `gentry label N --clear`.');
    if (!(await confirm(`Generation${preview.labelled.length > 1 ? 's' : ''} ${which} ${preview.labelled.length > 1 ? 'are' : 'is'} labelled. Delete ${preview.labelled.length > 1 ? 'them' : 'it'} anyway?`, { yes: false }))) return 1;
  }
  const args = ['delete-generations', '--profile', name, ...preview.generations.flatMap((n) => ['--generation', String(n)])];
  return report(await runHelper(helperCommand(), args, progress(ctx.log)), ctx.values.json === true, preview);
}

/** gentry gc [--dry-run] [--yes] [--json] */
export async function gcCommand(ctx: ActionContext): Promise<number> {
  if (ctx.positionals.length > 0) throw new UsageError('gc takes no arguments');
  const dry = await runHelper(helperCommand(), ['collect-garbage', '--dry-run'], progress(ctx.log));
  if (dry.state !== 'done') throw new GentryError('unavailable', dry.message, null);
  if (!ctx.values.json || ctx.values['dry-run']) {
    const r = dry.result ?? {};
    const summary = `${typeof r.deadPaths === 'number' ? r.deadPaths : '?'} dead store paths${typeof r.bytes === 'number' ? ` (about ${formatSize(r.bytes)})` : ''}`;
    if (ctx.values['dry-run']) {
      if (ctx.values.json) process.stdout.write(`${JSON.stringify({ preview: dry.result })}\n`);
      else process.stdout.write(`${summary} would be deleted.\n`);
      return 0;
    }
    process.stdout.write(`${summary} will be deleted.\n`);
  }
  if (!(await confirm('Collect garbage now?', ctx.values))) return 1;
  return report(await runHelper(helperCommand(), ['collect-garbage'], progress(ctx.log)), ctx.values.json === true, dry.result);
}
