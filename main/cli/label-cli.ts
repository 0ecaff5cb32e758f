// `gentry label N TEXT [--note TEXT] [--profile NAME]` and `gentry label N --clear`.
import { basename } from 'node:path';
import { GentryError } from '../infra/errors.ts';
import { UsageError } from './args.ts';
import type { CommandContext } from './main.ts';

/** gentry label … */
export async function labelCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = ctx.args;
  const [n, ...words] = positionals;
  if (n === undefined || !/^[1-9][0-9]{0,9}$/.test(n)) throw new UsageError('label takes a generation number first');
  const clear = values.clear === true;
  if (clear && words.length > 0) throw new UsageError('label N --clear takes no text');
  if (!clear && words.length === 0) throw new UsageError('label N takes the label text (or --clear)');
  const which = typeof values.profile === 'string' ? values.profile : basename(ctx.paths.systemProfile);
  const kind = which === 'home' || which === 'home-manager' ? 'home' : 'system';
  const name = kind === 'home' ? 'home-manager' : which;
  const result = await ctx.services.handlers.setLabel(
    { generation: { kind, name, number: Number(n) }, label: clear ? null : words.join(' ').trim(), note: typeof values.note === 'string' ? values.note : null },
    { client: 'cli' },
  );
  if (!clear && result.label === null) throw new GentryError('internal', 'the label was not kept', null);
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : clear ? `Generation ${n} of ${name} has no label now.\n` : `Generation ${n} of ${name} is labelled “${result.label}”.\n`);
  return 0;
}
