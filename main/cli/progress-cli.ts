// `gentry progress` (issue 6; being built).
import { GentryError } from '../errors.ts';
import type { ParsedArgs } from './args.ts';

/** gentry progress [--json] */
export async function progressCommand(_args: ParsedArgs): Promise<number> {
  throw new GentryError('unavailable', 'gentry progress is not built yet', null);
}
