// `gentry pins list|add|remove|check|suggest` (issue 7; being built).
import { GentryError } from '../errors.ts';
import type { CommandContext } from './main.ts';

/** gentry pins … */
export async function pinsCommand(_ctx: CommandContext): Promise<number> {
  throw new GentryError('unavailable', 'gentry pins is not built yet', null);
}
