// A small logger for main: level-filtered lines on standard error, never on standard output
// (standard output belongs to the CLI's answers).

/** Log levels, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** What every part of main logs through. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/** A logger that writes `gentry: <level>: message` lines to `write` (standard error by default). */
export function createLogger(level: LogLevel = 'warn', write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const at = (l: LogLevel) => (message: string) => {
    if (ORDER[l] <= ORDER[level]) write(`gentry: ${l}: ${message}\n`);
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** A logger that drops everything (tests that do not care about logs). */
export const silentLogger: Logger = { error() {}, warn() {}, info() {}, debug() {} };
