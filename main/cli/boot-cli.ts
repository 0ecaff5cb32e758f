// `gentry boot list|default|once|timeout`.
import type { CommandContext } from './main.ts';
import { UsageError } from './args.ts';

/** gentry boot … */
export async function bootCommand(ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = ctx.args.positionals;
  if (sub !== 'list' || rest.length !== 0) throw new UsageError('boot takes list (default, once and timeout are being built)');
  const { formatBootMenu } = await import('./format-boot.ts');
  const menu = await ctx.services.handlers.bootMenu({}, { client: 'cli' });
  process.stdout.write(ctx.args.values.json ? `${JSON.stringify(menu)}\n` : `${formatBootMenu(menu)}\n`);
  return 0;
}
