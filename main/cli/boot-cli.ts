// `gentry boot list|default|once|timeout`: the menu, and changes to it. A change prints its preview
// (what is written where, before → after, warnings, the NixOS option when a rebuild undoes it), asks
// (or takes --yes), then goes through the contract's changeBoot like the window's.
import { type BootChange, BootChangeSchema } from '../../common/contract/index.ts';
import { GentryError } from '../infra/errors.ts';
import { type ParsedArgs, UsageError } from './args.ts';
import { answer, bootOptions, type CommandContext, withDoor } from './command-context.ts';
import { confirm } from './confirm.ts';

/** The change a command line asks for; usage errors for malformed ones, bad-input for IDs the contract refuses. */
export function changeFromArgs(sub: string, rest: string[], clear: boolean): BootChange {
  let change: unknown;
  if (sub === 'default' || sub === 'once') {
    if (clear && rest.length > 0) throw new UsageError(`boot ${sub} --clear takes no ID`);
    if (!clear && rest.length !== 1) throw new UsageError(`boot ${sub} takes one entry ID (or --clear)`);
    const set = sub === 'default' ? 'set-default' : 'set-oneshot';
    change = clear ? { action: sub === 'default' ? 'clear-default' : 'clear-oneshot' } : { action: set, id: rest[0] };
  } else {
    if (clear) throw new UsageError('boot timeout takes no --clear');
    const [value] = rest;
    if (rest.length !== 1 || value === undefined) throw new UsageError('boot timeout takes SECONDS or menu-force');
    if (value !== 'menu-force' && (!/^[0-9]{1,5}$/.test(value) || Number(value) > 65535)) throw new UsageError(`boot timeout takes 0-65535 seconds or menu-force, not ${JSON.stringify(value)}`);
    change = { action: 'set-timeout', timeout: value === 'menu-force' ? value : Number(value) };
  }
  const parsed = BootChangeSchema.safeParse(change);
  if (!parsed.success) {
    throw new GentryError('bad-input', `${JSON.stringify(rest[0])} cannot be a boot entry ID: ${parsed.error.issues.map((i) => i.message).join('; ')}.`, '`gentry boot list` shows the IDs.');
  }
  return parsed.data;
}

/** gentry boot … */
async function bootCommand({ args, door, log }: CommandContext): Promise<number> {
  const [sub, ...rest] = args.positionals;
  const { values } = args;
  const { formatBootMenu, formatBootPreview } = await import('./format-boot.ts');
  if (sub === 'list') {
    if (rest.length !== 0) throw new UsageError('boot list takes no arguments');
    const menu = await answer(door.bootMenu({}));
    process.stdout.write(values.json ? `${JSON.stringify(menu)}\n` : `${formatBootMenu(menu)}\n`);
    return 0;
  }
  if (sub !== 'default' && sub !== 'once' && sub !== 'timeout') throw new UsageError(`boot takes list, default, once or timeout${sub === undefined ? '' : `, not ${JSON.stringify(sub)}`}`);
  const change = changeFromArgs(sub, rest, values.clear === true);
  const preview = await answer(door.previewBootChange({ change }));
  if (!values.json) process.stdout.write(`${formatBootPreview(preview)}\n`);
  if (!(await confirm('Change the boot menu?', values))) {
    process.stderr.write('gentry: nothing changed.\n');
    return 1;
  }
  const unsubscribe = door.on('actionProgress', ({ message }) => log.info(message));
  try {
    const outcome = await answer(door.changeBoot({ change }));
    if (values.json) process.stdout.write(`${JSON.stringify({ preview, outcome })}\n`);
    else process.stderr.write(`gentry: ${outcome.message}\n`);
    return outcome.state === 'done' ? 0 : 1;
  } finally {
    unsubscribe();
  }
}

/** gentry boot … with the boot menu where --esp and --efivars say. */
export async function run(args: ParsedArgs): Promise<number> {
  return withDoor(args, bootCommand, { boot: bootOptions(args.values) });
}
