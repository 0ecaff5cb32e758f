import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfileList } from '../../common/contract/index.ts';
import { generation } from '../../test-support/contract-fixtures.ts';
import { applyLabels, findLabel, labelsFile, readLabels, readLabelsReport, writeLabel } from './labels.ts';

const profile = '/nix/var/nix/profiles/system';
const where = (number: number, storePath = `/nix/store/${'a'.repeat(32)}-nixos-system-${number}`) => ({ profile, number, storePath });

describe('labels', () => {
  it('are none while the file does not exist, and are kept sorted in a versioned file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-labels-'));
    expect(await readLabels(dir)).toEqual([]);
    await writeLabel(dir, where(12), 'last good before the KiCad update', null, new Date('2026-11-21T20:00:00.123Z'));
    await writeLabel(dir, where(3), 'first boot', 'installed from the 25.05 ISO');
    const file = JSON.parse(readFileSync(labelsFile(dir), 'utf8')) as { version: number; labels: { number: number; updated: string }[] };
    expect(file.version).toBe(1);
    expect(file.labels.map((l) => l.number)).toEqual([3, 12]);
    expect(file.labels[1]?.updated).toBe('2026-11-21T20:00:00Z');
  });

  it('replace the label of the same generation and remove it with null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-labels-'));
    await writeLabel(dir, where(5), 'one', null);
    await writeLabel(dir, where(5), 'two', '  ');
    expect((await readLabels(dir)).map((l) => [l.label, l.note])).toEqual([['two', null]]);
    await writeLabel(dir, where(5), null, null);
    expect(await readLabels(dir)).toEqual([]);
  });

  it('do not follow a generation number that now points at another store path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-labels-'));
    await writeLabel(dir, where(7), 'kept', null);
    const labels = await readLabels(dir);
    expect(findLabel(labels, profile, 7, where(7).storePath)?.label).toBe('kept');
    expect(findLabel(labels, profile, 7, `/nix/store/${'b'.repeat(32)}-nixos-system-7`)).toBeNull();
    expect(findLabel(labels, '/other/profile', 7, where(7).storePath)).toBeNull();
  });

  it('go onto the profile list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-labels-'));
    await writeLabel(dir, where(2), 'good', 'the note');
    const list: ProfileList = {
      notices: [],
      profiles: [{ kind: 'system', name: 'system', path: profile, problem: null, generations: [generation({ number: 1, storePath: where(1).storePath }), generation({ number: 2, storePath: where(2).storePath })] }],
    };
    applyLabels(list, await readLabels(dir));
    expect(list.profiles[0]?.generations.map((g) => [g.label, g.note])).toEqual([[null, null], ['good', 'the note']]);
  });

  it('move a malformed file aside, name it as a problem, and never overwrite it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gentry-labels-'));
    const bad = '{"version":1,"labels":[{"oops":true}]}';
    writeFileSync(labelsFile(dir), bad);
    const report = await readLabelsReport(dir);
    expect(report.labels).toEqual([]);
    expect(report.problems).toEqual([expect.stringMatching(/labels\.json is not a labels file .* so it was moved aside as .*labels\.json\.corrupt-\d{8}T\d{6}Z-[0-9a-f]{6}; its labels are not shown/)]);
    const aside = readdirSync(dir).filter((n) => n.startsWith('labels.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] as string), 'utf8')).toBe(bad);
    // The listing goes on: the problem is a notice on the list, the rest is unchanged.
    const list = { profiles: [], notices: [] } as unknown as Parameters<typeof applyLabels>[0];
    expect(applyLabels(list, report.labels, report.problems).notices).toEqual(report.problems);

    writeFileSync(labelsFile(dir), 'not json');
    await expect(writeLabel(dir, where(1), 'x', null)).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(/is not JSON .* moved aside as .* nothing was labelled/) });
    expect(readdirSync(dir).filter((n) => n.startsWith('labels.json.corrupt-'))).toHaveLength(2);
    expect(await readLabels(dir)).toEqual([]);
  });
});
