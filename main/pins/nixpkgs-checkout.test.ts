// Reading a package's versions out of `git log -p` of the file that defines it.
import { describe, expect, it } from 'vitest';
import { versionsFromLog } from './nixpkgs-checkout.ts';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('versionsFromLog', () => {
  it('takes each version a commit introduces, newest first, once', () => {
    const log = [
      `commit ${A} 2026-11-20T10:00:00+00:00`,
      'diff --git a/pkgs/kicad/default.nix b/pkgs/kicad/default.nix',
      '@@ -3 +3 @@',
      '-  version = "8.0.2";',
      '+  version = "8.0.3";',
      `commit ${B} 2026-10-01T10:00:00+00:00`,
      '-  version = "8.0.1";',
      '+  version = "8.0.2";',
      '+  description = "not a version";',
      `commit ${C} 2026-09-01T10:00:00+00:00`,
      '+  version = "8.0.1";',
      '+  version = "${foo}";',
      '+version="8.0.1";',
    ].join('\n');
    expect(versionsFromLog(log)).toEqual([
      { version: '8.0.3', rev: A, date: '2026-11-20T10:00:00+00:00' },
      { version: '8.0.2', rev: B, date: '2026-10-01T10:00:00+00:00' },
      { version: '8.0.1', rev: C, date: '2026-09-01T10:00:00+00:00' },
    ]);
  });

  it('finds nothing in a log without version lines', () => {
    expect(versionsFromLog(`commit ${A} 2026-11-20T10:00:00Z\n+  src = ./.;\n`)).toEqual([]);
  });
});
