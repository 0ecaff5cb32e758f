// Asking before a change: y/N on a terminal, or --yes where there is none.
import { createInterface } from 'node:readline/promises';
import { GentryError } from '../infra/errors.ts';

/** Asks `question` on the terminal (true for y/yes), or takes `--yes`; without a terminal and without --yes it refuses. */
export async function confirm(question: string, values: Record<string, string | boolean | undefined>): Promise<boolean> {
  if (values.yes === true) return true;
  if (!process.stdin.isTTY) throw new GentryError('bad-input', 'standard input is not a terminal, so Gentry cannot ask before going ahead', 'Pass --yes to go ahead without being asked.');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}
