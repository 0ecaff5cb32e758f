// `gentry path [--path DIRS] [--json]`: which profile's command runs on PATH, and which it shadows.
import type { PathProfile, PathProvider, PathReport } from '../../common/contract/index.ts';
import type { ParsedArgs } from './args.ts';
import { answer, print, stringOption, withDoor } from './command-context.ts';

const profileName = (p: PathProfile | null) => (p === null ? '-' : `${p.kind} ${p.generation}${p.current ? ' (current)' : ''}`);
const provider = (p: PathProvider) => `${profileName(p.profile)}${p.package ? ` ${p.package.name} ${p.package.version}` : ''}${p.store ? ` [${p.store}]` : ''}`;

/** The text form: the directories and their profiles, then each command that shadows another, flagged where versions differ. */
export function formatPathReport(r: PathReport): string {
  const lines = ['PATH:'];
  r.dirs.forEach((d, i) => lines.push(`  ${String(i + 1).padStart(2)}  ${d.dir}  ${profileName(d.profile)}  (${d.commands} command${d.commands === 1 ? '' : 's'})`));
  const shadowing = r.commands.filter((c) => c.shadowed.length > 0);
  lines.push('', `${r.commands.length} command${r.commands.length === 1 ? '' : 's'} from known profiles; ${shadowing.length} shadow${shadowing.length === 1 ? 's' : ''} another.`);
  if (shadowing.length) {
    const width = Math.min(24, Math.max(...shadowing.map((c) => c.name.length)));
    lines.push('');
    for (const c of shadowing) {
      const flag = c.versionsDiffer.length ? `  ! ${c.versionsDiffer.join(' vs ')}${c.acrossStores ? ' (Guix and Nix)' : ''}` : '';
      lines.push(`  ${c.name.padEnd(width)}  runs ${provider(c.runs)}${flag}`);
      for (const s of c.shadowed) lines.push(`  ${' '.repeat(width)}  over ${provider(s)}`);
    }
  }
  return lines.join('\n');
}

/** gentry path [--path DIRS] [--json] */
export async function run(args: ParsedArgs): Promise<number> {
  const dirs = (stringOption(args.values, 'path') ?? process.env.PATH ?? '').split(':');
  return withDoor(args, async ({ door }) => {
    const report = await answer(door.commandPath({ dirs }));
    print(args.values.json === true, report, formatPathReport(report));
    return 0;
  });
}
