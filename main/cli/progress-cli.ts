// `gentry progress [--json]`: reads Nix's `--log-format internal-json` on standard input, as in
// `nix-build … --log-format internal-json -v 2>&1 | gentry progress`. Standard error gets the log a person
// would read (every line that is not internal-json passes through unchanged); on a terminal it also gets a
// status line at the bottom (builds, downloads, running builds and their phases), redrawn at most ten
// times a second. With --json, standard output gets the final counts. Exit 1 when a build failed or Nix
// reported an error, else 0.
import { StringDecoder } from 'node:string_decoder';
import { createNixLogParser } from '../progress/nix-log-parser.ts';
import { statusLine } from '../progress/status-line.ts';
import type { ParsedArgs } from './args.ts';

/** Where `gentry progress` writes. */
export interface ProgressOutput {
  /** The log (and the status line on a terminal). */
  writeLog(text: string): void;
  /** The JSON answer. */
  writeJson(text: string): void;
  /** True when the log goes to a terminal: then the status line is drawn. */
  isTTY: boolean;
  /** The terminal's width. */
  columns(): number;
}

const REDRAW_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** Reads the whole input and returns the exit status. */
export async function showProgress(input: AsyncIterable<Buffer | string>, out: ProgressOutput, json: boolean): Promise<number> {
  const parser = createNixLogParser();
  const decoder = new StringDecoder('utf8');
  let statusShown = false;
  let atLineStart = true;
  let drawnVersion = -1;
  let timer: NodeJS.Timeout | null = null;

  const draw = () => {
    if (!atLineStart) return; // a prompt or partial line is on the bottom line: leave it alone
    const text = `${DIM}${statusLine(parser.progress(), Math.max(10, out.columns() - 1))}${RESET}`;
    out.writeLog(`${statusShown ? CLEAR_LINE : ''}${text}`);
    statusShown = true;
    drawnVersion = parser.version;
  };
  const log = (text: string) => {
    if (text === '') return;
    out.writeLog(statusShown ? `${CLEAR_LINE}${text}` : text);
    statusShown = false;
    atLineStart = text.endsWith('\n');
  };
  if (out.isTTY) {
    timer = setInterval(() => {
      if (!statusShown || parser.version !== drawnVersion) draw();
    }, REDRAW_MS);
  }
  try {
    for await (const chunk of input) log(parser.feed(typeof chunk === 'string' ? chunk : decoder.write(chunk)));
    log(parser.feed(decoder.end()) + parser.end());
  } finally {
    if (timer) clearInterval(timer);
  }
  const p = parser.progress();
  if (out.isTTY) {
    if (!atLineStart) log('\n');
    draw();
    out.writeLog('\n');
  }
  if (json) out.writeJson(`${JSON.stringify({ builds: p.builds, downloads: p.downloads, errors: p.errors })}\n`);
  return p.builds.failed > 0 || p.errors.length > 0 ? 1 : 0;
}

/** gentry progress [--json] */
export async function run(args: ParsedArgs): Promise<number> {
  const stderr = process.stderr;
  return showProgress(
    process.stdin,
    {
      writeLog: (t) => stderr.write(t),
      writeJson: (t) => process.stdout.write(t),
      isTTY: stderr.isTTY === true,
      columns: () => stderr.columns || 80,
    },
    args.values.json === true,
  );
}
