// `gentry`: the command-line door. main() parses the command line, loads only the one command's
// module (a table of lazy imports), and turns what it throws into a message and an exit status.
// Each command builds the contract's input, calls the in-process door and formats the answer.
import { GentryError } from '../infra/errors.ts';
import { type CommandName, parseCommandLine, type ParsedArgs, USAGE, UsageError } from './args.ts';

/** A command's module: it runs the parsed command line and resolves with the exit status. */
interface CommandModule {
  run(args: ParsedArgs): Promise<number>;
}

/** Every command's module, loaded only when that command runs. */
const COMMANDS: Record<Exclude<CommandName, 'help'>, () => Promise<CommandModule>> = {
  list: () => import('./list-cli.ts'),
  diff: () => import('./diff-cli.ts'),
  history: () => import('./diff-cli.ts'),
  switch: () => import('./actions.ts'),
  delete: () => import('./actions.ts'),
  gc: () => import('./actions.ts'),
  boot: () => import('./boot-cli.ts'),
  label: () => import('./label-cli.ts'),
  pins: () => import('./pins-cli.ts'),
  path: () => import('./path-cli.ts'),
  progress: () => import('./progress-cli.ts'),
  serve: () => import('./serve-cli.ts'),
  demo: () => import('./serve-cli.ts'),
};

/**
 * A reader that goes away (`gentry diff A B | head -1`) is not an error: the rest of the output is
 * not wanted, so the process ends quietly with status 0. Any other failure to write is reported.
 */
function endQuietlyOnClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`gentry: cannot write to standard output: ${err.message}\n`);
    process.exit(1);
  });
}

/** Prints a command's own help (`gentry COMMAND --help`, `gentry help COMMAND`), or the overview. */
async function help(command: string | undefined): Promise<number> {
  if (command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { commandHelp, hasHelp } = await import('./help.ts');
  if (!hasHelp(command)) {
    process.stderr.write(`gentry: there is no command ${JSON.stringify(command)}; \`gentry help\` lists them\n`);
    return 2;
  }
  process.stdout.write(`${commandHelp(command)}\n`);
  return 0;
}

/** Runs the command line; resolves with the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  endQuietlyOnClosedStdout();
  const [first, ...rest] = argv;
  if (first === 'help') return help(rest[0]);
  if (first !== undefined && Object.hasOwn(COMMANDS, first) && (rest.includes('--help') || rest.includes('-h'))) return help(first);
  if (first !== undefined && !first.startsWith('-') && !Object.hasOwn(COMMANDS, first)) {
    process.stderr.write(`gentry: unknown command ${JSON.stringify(first)}; \`gentry help\` lists the commands\n`);
    return 2;
  }
  let args: ParsedArgs;
  try {
    args = parseCommandLine(argv);
  } catch (err) {
    process.stderr.write(`gentry: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') return help(undefined);
  try {
    const command = await COMMANDS[args.command]();
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`gentry: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof GentryError) {
      process.stderr.write(`gentry: ${err.message}\n${err.hint ? `  ${err.hint}\n` : ''}`);
      // A generation that does not exist or cannot be named is a bad argument; anything else could not be computed.
      return err.code === 'bad-input' ? 2 : 1;
    }
    process.stderr.write(`gentry: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
