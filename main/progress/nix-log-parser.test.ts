// main/progress/: Nix's internal-json log parsed into the log a person reads, its progress and a status line.
// The internal-json parser on logs captured from real Nix 2.8 runs (fixtures/capture.sh says how), on
// every way a stream can be split, on Nix's newer message shapes, and on garbage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import { ProgressSchema } from '../../common/contract/index.ts';
import { createNixLogParser, type NixLogParserOptions } from './nix-log-parser.ts';
import { derivationName, failedDerivation, MAX_ERRORS, stripAnsi } from './progress-tracker.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

function parseAll(text: string, options?: NixLogParserOptions) {
  const p = createNixLogParser(options);
  const shown = p.feed(text) + p.end();
  return { shown, progress: p.progress() };
}

const counts = (text: string) => {
  const { progress } = parseAll(text);
  return { builds: progress.builds, downloads: progress.downloads, errors: progress.errors.length };
};

describe('real Nix 2.8 logs', () => {
  it('six builds with dependencies, two at a time: all done', () => {
    const { shown, progress } = parseAll(fixture('nix-2.8-build-ok.log').toString());
    expect(ProgressSchema.parse(progress)).toEqual(progress);
    expect(progress).toEqual({ builds: { done: 6, expected: 6, running: 0, failed: 0 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: [], active: [] });
    expect(shown).not.toContain('@nix');
    expect(shown).toContain('these 6 derivations will be built:\n');
    expect(shown).toMatch(/^building '\/nix\/store\/[0-9a-z]{32}-gentry-probe-top\.drv'\.\.\.$/m);
    expect(shown).toContain('gentry-probe-a> ünïcode ✓ and a tab:\tend\n');
    expect(shown).toContain('gentry-probe-b> more b\n');
    // nix-build's own stdout (the result path) passes through untouched, as the last line.
    expect(shown).toMatch(/\n\/nix\/store\/[0-9a-z]{32}-gentry-probe-top\n$/);
    expect(shown.split('\n').filter((l) => l.startsWith('building ')).length).toBe(6);
  });

  it('a failing build: failed 1, the builds Nix cancels are not expected, every error kept without colours', () => {
    const { shown, progress } = parseAll(fixture('nix-2.8-build-fail.log').toString());
    expect(progress.builds).toEqual({ done: 2, expected: 3, running: 0, failed: 1 });
    expect(progress.errors).toHaveLength(3);
    expect(progress.errors[0]).toMatch(/^builder for '\/nix\/store\/[0-9a-z]{32}-gentry-probe-c\.drv' failed with exit code 3$/);
    expect(progress.errors[1]).toMatch(/^1 dependencies of derivation '.*-gentry-probe-d\.drv' failed to build$/);
    expect(progress.active).toEqual([]);
    // The terminal gets Nix's message as Nix prints it, colours included.
    expect(shown).toContain('\u001b[31;1merror:\u001b[0m builder for ');
    expect(shown).toContain('gentry-probe-c> c will fail\n');
  });

  it('--keep-going with three top-level goals', () => {
    expect(counts(fixture('nix-2.8-keep-going.log').toString())).toEqual({ builds: { done: 2, expected: 3, running: 0, failed: 1 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: 1 });
  });

  it('the new CLI (nix build) with --keep-going', () => {
    expect(counts(fixture('nix-2.8-nix-build-fail.log').toString())).toEqual({ builds: { done: 3, expected: 4, running: 0, failed: 1 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: 3 });
  });

  it('downloads from a binary cache: paths, bytes as Nix counts them, and the copy messages', () => {
    const { shown, progress } = parseAll(fixture('nix-2.8-substitute.log').toString());
    // Three NARs of 124 bytes and four .narinfo files (335 + 3 × 395 bytes) came over HTTP.
    expect(progress.downloads).toEqual({ done: 3, expected: 3, bytes: 3 * 124 + 335 + 3 * 395 });
    expect(progress.builds).toEqual({ done: 1, expected: 1, running: 0, failed: 0 });
    expect(shown.match(/^copying path '\/nix\/store\/.*' from 'http:\/\/127\.0\.0\.1:18765'\.\.\.$/gm)).toHaveLength(3);
    // Talkative messages (the .narinfo downloads) are not shown, as Nix does not show them without -v.
    expect(shown).not.toContain('narinfo');
  });

  it('an evaluation error: the whole message, with its position', () => {
    const { shown, progress } = parseAll(fixture('nix-2.8-eval-error.log').toString());
    expect(progress.errors).toEqual(['cannot add a string to an integer\n\n       at «string»:1:19:\n\n            1| let x = 1; in x + "a"\n             |                   ^']);
    expect(stripAnsi(shown)).toBe(`error: ${progress.errors[0]}\n`);
  });

  it('follows running builds and their phases while the log comes in', () => {
    const lines = fixture('nix-2.8-build-ok.log').toString().split(/(?<=\n)/);
    const p = createNixLogParser();
    const seen: string[] = [];
    let sawPhase = false;
    for (const l of lines) {
      p.feed(l);
      const now = p.progress();
      expect(now.active.length).toBeLessThanOrEqual(Math.max(now.builds.running, 0));
      expect(now.builds.done + now.builds.failed).toBeLessThanOrEqual(now.builds.expected);
      for (const a of now.active) if (!seen.includes(a.name)) seen.push(a.name);
      if (now.active.some((a) => a.name === 'gentry-probe-b' && a.phase === 'buildPhase')) sawPhase = true;
    }
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'top'].map((n) => `gentry-probe-${n}`));
    expect(sawPhase).toBe(true);
  });

  it('Nix 2.8 stops top-level Build activities only at the end: they are not listed as running once the counter says so', () => {
    const lines = fixture('nix-2.8-keep-going.log').toString().split(/(?<=\n)/);
    const p = createNixLogParser();
    let maxActive = 0;
    for (const l of lines) {
      p.feed(l);
      maxActive = Math.max(maxActive, p.progress().active.length);
    }
    expect(maxActive).toBe(1); // --max-jobs 1: never more than one build really ran
  });
});

describe('splitting', () => {
  it('gives the same text and counts however the bytes are split (every offset)', () => {
    const bytes = fixture('nix-2.8-build-ok.log');
    const whole = parseAll(bytes.toString());
    for (let k = 0; k <= bytes.length; k++) {
      const decoder = new StringDecoder('utf8');
      const p = createNixLogParser();
      const shown = p.feed(decoder.write(bytes.subarray(0, k))) + p.feed(decoder.write(bytes.subarray(k))) + p.feed(decoder.end()) + p.end();
      if (shown !== whole.shown) expect(shown, `split at byte ${k}`).toBe(whole.shown);
    }
    const p = createNixLogParser();
    let shown = '';
    const decoder = new StringDecoder('utf8');
    for (let i = 0; i < bytes.length; i++) shown += p.feed(decoder.write(bytes.subarray(i, i + 1)));
    shown += p.end();
    expect(shown).toBe(whole.shown);
    expect(p.progress()).toEqual(whole.progress);
  });

  it('shows a partial line at once unless it may still become an @nix line (prompts without a newline)', () => {
    const p = createNixLogParser();
    expect(p.feed('[sudo] password for me: ')).toBe('[sudo] password for me: ');
    expect(p.feed('secret-less\r\n')).toBe('secret-less\r\n');
    expect(p.feed('@ni')).toBe('');
    expect(p.feed('x is not json\n')).toBe('@nix is not json\n');
    expect(p.feed('@')).toBe('');
    expect(p.feed('home')).toBe('@home');
    expect(p.feed(' sweet\n')).toBe(' sweet\n');
    expect(p.feed('@nix {"action":"msg","level":1,"msg":"warning: hi"}')).toBe('');
    expect(p.end()).toBe('warning: hi\n');
  });

  it('writes \\r\\n in terminal mode, and turns the newlines inside messages into it', () => {
    const text = '@nix {"action":"msg","level":0,"msg":"error: two\\nlines"}\r\nplain\r\n';
    expect(parseAll(text, { eol: '\r\n' }).shown).toBe('error: two\r\nlines\r\nplain\r\n');
  });
});

describe('newer Nix, and odd input', () => {
  it('counts "Cannot build … Reason: builder …" failures of newer Nix once per derivation, not dependency failures', () => {
    const drv = '/nix/store/00000000000000000000000000000000-x.drv';
    const lines = [
      '@nix {"action":"start","fields":["' + drv + '","",1,1],"id":7,"level":3,"parent":0,"text":"building \'' + drv + '\'","type":105}',
      '@nix {"action":"msg","level":0,"msg":"\\u001b[31;1merror:\\u001b[0m Cannot build \'\\u001b[35;1m' + drv + '\\u001b[0m\'.\\n       Reason: \\u001b[31;1mbuilder failed with exit code 1\\u001b[0m.\\n       Last 1 log lines:\\n       > boom"}',
      '@nix {"action":"msg","level":0,"msg":"error: Cannot build \'/nix/store/11111111111111111111111111111111-y.drv\'.\\n       Reason: 1 dependency failed."}',
      '@nix {"action":"msg","level":0,"msg":"error: Cannot build \'' + drv + '\'.\\n       Reason: builder was killed by signal 9."}',
    ];
    const { progress } = parseAll(lines.join('\n') + '\n');
    expect(progress.builds).toEqual({ done: 0, expected: 1, running: 0, failed: 1 });
    expect(progress.active).toEqual([]);
    expect(progress.errors[0]).toBe(`Cannot build '${drv}'.\n       Reason: builder failed with exit code 1.\n       Last 1 log lines:\n       > boom`);
    expect(failedDerivation("builder for '/nix/store/x.drv' failed due to signal 9 (Killed)")).toBe('/nix/store/x.drv');
  });

  it('keeps activity IDs apart beyond 2^53 (pid << 32 on machines with large PIDs)', () => {
    const big = 2n ** 54n;
    const start = (id: bigint, name: string) =>
      `@nix {"action":"start","fields":["/nix/store/00000000000000000000000000000000-${name}.drv","",1,1],"id":${id},"level":3,"text":"building","type":105}\n`;
    const p = createNixLogParser();
    p.feed(start(big + 1n, 'one') + start(big + 2n, 'two') + `@nix {"action":"stop","id":${big + 1n}}\n`);
    expect(p.progress().active).toEqual([{ name: 'two', phase: null }]);
    expect(p.feed(`@nix {"action":"result","fields":["hi"],"id":${big + 2n},"type":101}\n`)).toBe('two> hi\n');
  });

  it('shows malformed @nix lines as text and never throws', () => {
    const bad = [
      '@nix',
      '@nix ',
      '@nix {',
      '@nix []',
      '@nix null',
      '@nix "text"',
      '@nix {"action":5}',
      '@nix {"action":"start","type":105}',
      '@nix {"action":"result","id":3,"type":105,"fields":"nope"}',
      '@nix {"action":"result","id":3}',
      '@nix {"action":"msg","level":0}',
    ];
    const { shown, progress } = parseAll(bad.join('\n') + '\n');
    expect(shown).toBe(bad.join('\n') + '\n');
    expect(progress.builds).toEqual({ done: 0, expected: 0, running: 0, failed: 0 });
    // Well-formed events with values of the wrong kind are taken without effect.
    const odd = parseAll(
      ['@nix {"action":"start","id":1,"type":104,"level":0,"text":""}', '@nix {"action":"result","id":1,"type":105,"fields":["x",-1,null,2]}', '@nix {"action":"setPhase","phase":"x"}', '@nix {"action":"stop","id":99}'].join('\n') + '\n',
    );
    expect(odd.shown).toBe('');
    expect(odd.progress.builds).toEqual({ done: 0, expected: 0, running: 0, failed: 0 });
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['@nix ', '{', '}', '"action":', '"start"', '"id":', '1', ',', '\n', '\r', '[', ']', '"', 'é', '\u001b[0m', 'x'];
    for (let round = 0; round < 300; round++) {
      const p = createNixLogParser({ eol: '\r\n' });
      for (let i = 0; i < 40; i++) p.feed(Array.from({ length: 1 + Math.floor(rand() * 8) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
      p.end();
      expect(() => ProgressSchema.parse(p.progress())).not.toThrow();
    }
  });

  it('keeps at most MAX_ERRORS errors', () => {
    const many = Array.from({ length: MAX_ERRORS + 10 }, (_, i) => `@nix {"action":"msg","level":0,"msg":"error: number ${i}"}`).join('\n');
    const { progress } = parseAll(many + '\n');
    expect(progress.errors).toHaveLength(MAX_ERRORS);
    expect(progress.errors[0]).toBe('number 0');
  });

  it('hands claimed lines to their handler', () => {
    const claim = { prefix: '{"event":', handle: (l: string) => (l.includes('"result"') ? 'helper: done' : null) };
    const text = '{"event":"progress","message":"x"}\n{"event":"result","ok":true}\n{"other":1}\n';
    expect(parseAll(text, { claim }).shown).toBe('helper: done\n{"other":1}\n');
    const p = createNixLogParser({ claim });
    expect(p.feed('{"ev')).toBe('');
    expect(p.feed('ent":"progress"}\n')).toBe('');
  });

  it('names derivations and strips colours', () => {
    expect(derivationName('/nix/store/2bdn6224w4ll9bqv9kf12k6nizayzh0m-hello-2.12.1.drv')).toBe('hello-2.12.1');
    expect(derivationName('weird')).toBe('weird');
    expect(stripAnsi('\u001b[31;1merror:\u001b[0m x \u001b]8;;http://a\u0007link\u001b]8;;\u0007')).toBe('error: x link');
  });
});
