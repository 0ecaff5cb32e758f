// An incremental reader of a terminal stream that carries Nix's `--log-format internal-json` lines.
// Feed it decoded text in chunks of any size (split anywhere, mid-line included; decode bytes with a
// StringDecoder first so no UTF-8 character is split); it returns the text a person should see and keeps
// a Progress (progress-tracker.ts).
//
// What is shown: every line that does not start with `@nix ` exactly as it came (activation output,
// nixos-rebuild's own lines, password prompts: a partial line that cannot become an `@nix ` line is
// shown at once, so prompts without a newline appear); build log lines (`name> line`); Nix's messages up
// to the Info level, as Nix prints them (errors and warnings keep their `error:`/`warning:` and colours);
// and the texts of activities at the Info level ("building '…'...", "copying path '…' from '…'..."), as
// Nix's plain logger prints them. A malformed `@nix` line is shown as it is; nothing here throws on input.
import type { Progress, Realised } from '../../common/contract/index.ts';
import { type NixEvent, ProgressTracker } from './progress-tracker.ts';
import { LEVEL, NIX_PREFIX, RES, SHOWN_LEVEL } from './nix-log-types.ts';

/** Lines with a prefix of their own (the privileged helper's JSON protocol) handled by the caller. */
export interface LineClaim {
  prefix: string;
  /** The text to show for the line (without a line ending), or null to show nothing. */
  handle(line: string): string | null;
}

/** How the parser writes the lines it makes. */
export interface NixLogParserOptions {
  /** The line ending of lines the parser makes: `\n` (a pipe) or `\r\n` (a terminal). Default `\n`. */
  eol?: string;
  /** Other lines to take out of the stream. */
  claim?: LineClaim;
}

/** The parser's interface. */
export interface NixLogParser {
  /** Takes decoded text; returns the text to show (possibly empty). */
  feed(text: string): string;
  /** Ends the stream: returns whatever was held back. */
  end(): string;
  /** The progress so far. */
  progress(): Progress;
  /** What was built and fetched so far. */
  realised(): Realised;
  /** Changes whenever the progress may have changed (cheap to poll). */
  readonly version: number;
}

/** A held partial line longer than this is not a protocol line: it is shown. */
const MAX_HELD = 1 << 20;
const ID = /[{,]"id":([0-9]+)/;

/** Creates a parser for one stream. */
export function createNixLogParser(options: NixLogParserOptions = {}): NixLogParser {
  const eol = options.eol ?? '\n';
  const claim = options.claim;
  const tracker = new ProgressTracker();
  let held = ''; // the start of a line that may still become a protocol line
  let passing = false; // the current line has been partly shown: show the rest as it comes

  const mayBecomeProtocol = (partial: string): boolean =>
    partial.startsWith(NIX_PREFIX) || NIX_PREFIX.startsWith(partial) || (claim !== undefined && (partial.startsWith(claim.prefix) || claim.prefix.startsWith(partial)));

  const multiline = (text: string): string => (eol === '\n' ? text : text.replace(/\r?\n/g, eol));

  /** One complete line (with its ending) that no partial output was shown for. */
  const line = (full: string): string => {
    const content = full.endsWith('\r\n') ? full.slice(0, -2) : full.endsWith('\n') ? full.slice(0, -1) : full;
    if (content.startsWith(NIX_PREFIX)) {
      const event = decode(content);
      if (event === null) return full;
      tracker.add(event);
      const shown = render(event);
      return shown === null ? '' : multiline(shown) + eol;
    }
    if (claim && content.startsWith(claim.prefix)) {
      const shown = claim.handle(content);
      return shown === null ? '' : multiline(shown) + eol;
    }
    return full;
  };

  const render = (e: NixEvent): string | null => {
    switch (e.action) {
      case 'msg':
        return e.level <= SHOWN_LEVEL ? e.msg : null;
      case 'start':
        return e.level <= SHOWN_LEVEL && e.text !== '' ? `${e.text}...` : null;
      case 'result': {
        if ((e.type !== RES.buildLogLine && e.type !== RES.postBuildLogLine) || typeof e.fields[0] !== 'string') return null;
        const name = tracker.buildName(e.id);
        return name === null ? e.fields[0] : `${name}> ${e.fields[0]}`;
      }
      default:
        return null;
    }
  };

  return {
    feed(text: string): string {
      let out = '';
      let from = 0;
      let data = text;
      if (held !== '') {
        data = held + text;
        held = '';
      }
      for (;;) {
        const nl = data.indexOf('\n', from);
        if (nl === -1) break;
        const full = data.slice(from, nl + 1);
        if (passing) {
          out += full;
          passing = false;
        } else {
          out += line(full);
        }
        from = nl + 1;
      }
      const rest = data.slice(from);
      if (rest !== '') {
        if (passing) {
          out += rest;
        } else if (mayBecomeProtocol(rest) && rest.length <= MAX_HELD) {
          held = rest;
        } else {
          out += rest;
          passing = true;
        }
      }
      return out;
    },
    end(): string {
      const rest = held;
      held = '';
      passing = false;
      return rest === '' ? '' : line(rest);
    },
    progress: () => tracker.progress(),
    realised: () => tracker.realised(),
    get version() {
      return tracker.version;
    },
  };
}

/** Reads one `@nix {…}` line into an event; null when it is not a well-formed protocol line. */
export function decode(content: string): NixEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(content.slice(NIX_PREFIX.length));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const o = raw as Record<string, unknown>;
  if (typeof o.action !== 'string') return null;
  const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : -1);
  const event: NixEvent = {
    action: o.action,
    id: null,
    type: num(o.type),
    level: num(o.level),
    text: typeof o.text === 'string' ? o.text : '',
    fields: Array.isArray(o.fields) ? o.fields : [],
    msg: typeof o.msg === 'string' ? o.msg : '',
  };
  if (event.action === 'msg') {
    if (typeof o.msg !== 'string') return null;
    if (event.level < 0) event.level = LEVEL.info;
    return event;
  }
  if (event.action === 'start' || event.action === 'stop' || event.action === 'result') {
    // Activity IDs are pid << 32 plus a counter: they can pass 2^53, so take the digits from the text.
    event.id = ID.exec(content)?.[1] ?? null;
    if (event.id === null || (o.fields !== undefined && !Array.isArray(o.fields))) return null;
    if (event.action !== 'stop' && event.type < 0) return null;
  }
  return event;
}
