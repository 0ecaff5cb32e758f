// The privileged helper's JSON protocol lines in a terminal: the helper writes `{"event":"progress",…}`
// and one `{"event":"result",…}` on stdout and the same words for people on stderr, and in a pty both
// arrive together. The protocol lines are taken out of what the terminal shows and the result is kept.
import type { LineClaim } from '../progress/nix-log-parser.ts';

/** A claim for the helper's protocol lines, and the result line it saw (null until then). */
export function helperLineClaim(): LineClaim & { result(): Record<string, unknown> | null } {
  let result: Record<string, unknown> | null = null;
  return {
    prefix: '{"event":',
    handle(line: string): string | null {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        return line; // not a protocol line after all: show it
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return line;
      const event = (parsed as Record<string, unknown>).event;
      if (event === 'result') result = parsed as Record<string, unknown>;
      else if (event !== 'progress') return line;
      return null; // its words are on stderr too
    },
    result: () => result,
  };
}
