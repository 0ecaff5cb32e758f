// `gentry progress` without a process: the log, the status line on a terminal, the JSON and the exit status.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showProgress } from './progress-cli.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../progress/fixtures', name));

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

function output(isTTY: boolean) {
  const out = { log: '', json: '' };
  return { out, sink: { writeLog: (t: string) => (out.log += t), writeJson: (t: string) => (out.json += t), isTTY, columns: () => 60 } };
}

describe('showProgress', () => {
  it('without a terminal: the log lines only, the counts as JSON, exit 0', async () => {
    const { out, sink } = output(false);
    const code = await showProgress(chunks(fixture('nix-2.8-build-ok.log'), 7), sink, true);
    expect(code).toBe(0);
    expect(out.json).toBe('{"builds":{"done":6,"expected":6,"running":0,"failed":0},"downloads":{"done":0,"expected":0,"bytes":0},"errors":[]}\n');
    expect(out.log).not.toContain('\u001b[2K');
    expect(out.log).toMatch(/^these 6 derivations will be built:\n/);
  });

  it('on a terminal: ends with the final status line; exit 1 when a build failed', async () => {
    const { out, sink } = output(true);
    const code = await showProgress(chunks(fixture('nix-2.8-build-fail.log'), 4096), sink, false);
    expect(code).toBe(1);
    expect(out.json).toBe('');
    expect(out.log.endsWith('\u001b[2mbuilds 2/3 · 1 failed\u001b[0m\n')).toBe(true);
  });

  it('exit 1 for an evaluation error without builds', async () => {
    const { sink } = output(false);
    expect(await showProgress(chunks(fixture('nix-2.8-eval-error.log'), 100), sink, false)).toBe(1);
  });
});
