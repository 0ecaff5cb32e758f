// Real nix-build runs (fixtures/probe.nix: six small derivations, some depending on others) read by the
// parser and by `gentry progress --json`, with exact counts; and the parser's throughput on a big log.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import { nixEnv } from '../infra/process.ts';
import { createNixLogParser } from './nix-log-parser.ts';

const PROBE = join(import.meta.dirname, 'fixtures/probe.nix');
const BIN = join(import.meta.dirname, '../../bin/gentry.js');
const env = nixEnv(process.env);
const salt = () => `it${Date.now()}${Math.random().toString(36).slice(2, 8)}`;

/** Runs nix-build with internal-json and feeds its stderr and stdout, as they come, to a parser. */
function buildThroughParser(args: string[]): Promise<{ code: number; shown: string; parser: ReturnType<typeof createNixLogParser> }> {
  return new Promise((resolve, reject) => {
    const parser = createNixLogParser();
    const decoder = new StringDecoder('utf8');
    let shown = '';
    const child = spawn('nix-build', [PROBE, '--no-out-link', '--log-format', 'internal-json', '-v', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (chunk: Buffer) => {
      shown += parser.feed(decoder.write(chunk));
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      shown += parser.feed(decoder.end()) + parser.end();
      resolve({ code: code ?? -1, shown, parser });
    });
  });
}

describe('real nix-build through the parser', () => {
  it('six builds, two at a time, all succeed', async () => {
    const { code, shown, parser } = await buildThroughParser(['-A', 'top', '--argstr', 'salt', salt(), '--max-jobs', '2']);
    expect(code).toBe(0);
    expect(parser.progress()).toEqual({ builds: { done: 6, expected: 6, running: 0, failed: 0 }, downloads: { done: 0, expected: 0, bytes: 0 }, errors: [], active: [] });
    expect(shown).toContain('gentry-probe-b> more b');
    expect(shown).not.toContain('@nix');
  });

  it('a failing build with --keep-going: failed 1, and what could be built was', async () => {
    const { code, parser } = await buildThroughParser(['-A', 'a', '-A', 'b', '-A', 'c', '--argstr', 'salt', salt(), '--arg', 'failC', 'true', '--keep-going']);
    expect(code).toBe(100);
    const p = parser.progress();
    expect(p.builds).toEqual({ done: 2, expected: 3, running: 0, failed: 1 });
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatch(/^builder for '\/nix\/store\/[0-9a-z]{32}-gentry-probe-c\.drv' failed with exit code 3$/);
  });
});

describe('gentry progress --json', () => {
  /** `nix-build … 2>&1 | gentry progress --json`, as a person would type it (the pipe is made here, not by a shell). */
  async function pipeline(args: string[]) {
    const nix = spawn('nix-build', [PROBE, '--no-out-link', '--log-format', 'internal-json', '-v', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const gentry = spawn(process.execPath, [BIN, 'progress', '--json'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let open = 2;
    const end = () => {
      if (--open === 0) gentry.stdin.end();
    };
    nix.stdout.on('data', (d: Buffer) => gentry.stdin.write(d));
    nix.stderr.on('data', (d: Buffer) => gentry.stdin.write(d));
    nix.stdout.on('end', end);
    nix.stderr.on('end', end);
    let stdout = '';
    let stderr = '';
    gentry.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    gentry.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [nixCode, code] = await Promise.all([new Promise<number>((r) => nix.on('close', (c) => r(c ?? -1))), new Promise<number>((r) => gentry.on('close', (c) => r(c ?? -1)))]);
    return { nixCode, code, stdout, stderr };
  }

  it('prints exactly the three keys and exits 0 when everything built', async () => {
    const r = await pipeline(['-A', 'top', '--argstr', 'salt', salt(), '--max-jobs', '2']);
    expect(r.nixCode).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('{"builds":{"done":6,"expected":6,"running":0,"failed":0},"downloads":{"done":0,"expected":0,"bytes":0},"errors":[]}\n');
    // Not a terminal: standard error gets the log lines only, no status line.
    expect(r.stderr).toMatch(/^these 6 derivations will be built:\n/);
    expect(r.stderr).toContain('gentry-probe-top> top\n');
    expect(r.stderr).not.toContain('\u001b[2K');
  });

  it('counts a failed build and exits 1', async () => {
    const r = await pipeline(['-A', 'top', '--argstr', 'salt', salt(), '--arg', 'failC', 'true', '--max-jobs', '1']);
    expect(r.nixCode).toBe(100);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { builds: { done: number; expected: number; running: number; failed: number }; errors: string[] };
    expect(Object.keys(out)).toEqual(['builds', 'downloads', 'errors']);
    expect(out.builds.failed).toBe(1);
    expect(out.builds.running).toBe(0);
    // One at a time, Nix may or may not have built a, b and e before c failed; it never builds d or top.
    expect(out.builds.done).toBeLessThanOrEqual(3);
    expect(out.builds.expected).toBe(out.builds.done + 1);
    expect(out.errors[0]).toMatch(/gentry-probe-c\.drv' failed with exit code 3/);
  });

  it('exits 0 on input with no Nix in it, and passes it through', () => {
    const r = spawnSync(process.execPath, [BIN, 'progress', '--json'], { input: 'hello\nwörld', encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('hello\nwörld');
    expect(r.stdout).toBe('{"builds":{"done":0,"expected":0,"running":0,"failed":0},"downloads":{"done":0,"expected":0,"bytes":0},"errors":[]}\n');
  });
});

describe('throughput', () => {
  it('parses a big log fast (measured; reported in the output)', () => {
    // Real lines from the captured logs, repeated until the log has about 400,000 lines.
    const sample = ['nix-2.8-build-ok.log', 'nix-2.8-substitute.log', 'nix-2.8-keep-going.log'].map((f) => readFileSync(join(import.meta.dirname, 'fixtures', f), 'utf8')).join('');
    const sampleLines = sample.split('\n').length - 1;
    const copies = Math.ceil(400_000 / sampleLines);
    const big = sample.repeat(copies);
    const lines = sampleLines * copies;
    const chunks: string[] = [];
    for (let i = 0; i < big.length; i += 65536) chunks.push(big.slice(i, i + 65536));
    const best = Math.min(
      ...[1, 2, 3].map(() => {
        const p = createNixLogParser();
        const t0 = performance.now();
        for (const c of chunks) p.feed(c);
        p.end();
        p.progress();
        return performance.now() - t0;
      }),
    );
    const perSecond = Math.round(lines / (best / 1000));
    console.log(`parser: ${lines} lines (${(big.length / 1024 / 1024).toFixed(1)} MiB) in ${best.toFixed(0)} ms: ${perSecond.toLocaleString('en')} lines/s`);
    expect(perSecond).toBeGreaterThan(100_000);
  });
});
