// main/runs/: rebuild recipes, live runs in a pty, their logs and history, and the run handlers.
// The helper's protocol lines are taken out of the terminal, and its result is kept.
import { describe, expect, it } from 'vitest';
import { createNixLogParser } from '../progress/nix-log-parser.ts';
import { helperLineClaim } from './helper-lines.ts';

describe('helperLineClaim', () => {
  it('hides progress and result lines, keeps the result, and shows anything else', () => {
    const claim = helperLineClaim();
    const parser = createNixLogParser({ eol: '\r\n', claim });
    const shown = parser.feed(
      [
        '{"event":"progress","verb":"collect-garbage","step":"collect","message":"nix-store --gc"}',
        'gentry-helper: nix-store --gc',
        'deleting \'/nix/store/x\'',
        '{"event":"surprise"}',
        '{"event":broken',
        '{"event":"result","ok":true,"verb":"collect-garbage","exitCode":0,"deletedPaths":3}',
        '',
      ].join('\r\n'),
    );
    expect(shown).toBe("gentry-helper: nix-store --gc\r\ndeleting '/nix/store/x'\r\n{\"event\":\"surprise\"}\r\n{\"event\":broken\r\n");
    expect(claim.result()).toEqual({ event: 'result', ok: true, verb: 'collect-garbage', exitCode: 0, deletedPaths: 3 });
  });
});
