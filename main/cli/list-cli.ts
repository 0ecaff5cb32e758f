// `gentry list [--json]`: every system, home-manager and user generation.
import type { ParsedArgs } from './args.ts';
import { answer, print, withDoor } from './command-context.ts';
import { formatProfileList } from './format-list.ts';

/** gentry list [--json] */
export async function run(args: ParsedArgs): Promise<number> {
  return withDoor(args, async ({ door }) => {
    const list = await answer(door.listProfiles({}));
    print(args.values.json === true, list, formatProfileList(list));
    return 0;
  });
}
