// `gentry label N TEXT [--note TEXT] [--profile NAME]` and `gentry label N --clear`: the contract's
// setLabel, so its limits and messages are the window's.
import { type ParsedArgs, UsageError } from './args.ts';
import { answer, generationFromArg, print, stringOption, withDoor } from './command-context.ts';

/** gentry label … */
export async function run(args: ParsedArgs): Promise<number> {
  const { values, positionals } = args;
  const [n, ...words] = positionals;
  if (n === undefined) throw new UsageError('label takes a generation first (N, home:N or PROFILE:N)');
  const clear = values.clear === true;
  if (clear && words.length > 0) throw new UsageError('label N --clear takes no text');
  if (!clear && words.length === 0) throw new UsageError('label N takes the label text (or --clear)');
  return withDoor(args, async ({ door, paths }) => {
    const generation = generationFromArg(n, values, paths);
    const result = await answer(door.setLabel({ generation, label: clear ? null : words.join(' '), note: stringOption(values, 'note') ?? null }));
    const which = `Generation ${generation.number} of ${generation.name}`;
    print(values.json === true, result, clear ? `${which} has no label now.` : `${which} is labelled “${result.label}”.`);
    return 0;
  });
}
