import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '../common/contract/index.ts';
import { expectedProfile } from './expected-profiles.ts';
import { planWorld, type PlanInput } from './plan-world.ts';
import { presets, type PresetName } from './presets.ts';
import { closureOf } from './store-graph.ts';
import { worldLayout } from './world-layout.ts';

function input(preset: PresetName, extra: Partial<PlanInput> = {}): PlanInput {
  return {
    id: 'unit-test-id',
    seed: 'unit-test-seed',
    layout: worldLayout('/tmp/gentry-world-plan-test'),
    preset: presets[preset],
    systemGenerations: presets[preset].systemGenerations,
    homeGenerations: presets[preset].homeGenerations,
    quirks: false,
    now: new Date('2026-11-21T19:53:21Z'),
    ...extra,
  };
}

function closureCounts(preset: PresetName): number[] {
  const plan = planWorld(input(preset));
  return plan.systems.system.generations.map((g) => closureOf(g.root as NonNullable<typeof g.root>).length);
}

describe('planWorld', () => {
  it('sizes each preset as promised', () => {
    const small = closureCounts('small');
    expect(Math.min(...small)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...small)).toBeLessThanOrEqual(100);
    const demo = closureCounts('demo');
    expect(Math.min(...demo)).toBeGreaterThanOrEqual(350);
    expect(Math.max(...demo)).toBeLessThanOrEqual(600);
    expect(Math.min(...closureCounts('large'))).toBeGreaterThanOrEqual(2000);
  });

  it('is reproducible from its seed', () => {
    const a = planWorld(input('small'));
    const b = planWorld(input('small'));
    expect(b.graph.nodes.map((n) => n.path)).toEqual(a.graph.nodes.map((n) => n.path));
    const c = planWorld(input('small', { seed: 'another', id: 'another-id' }));
    const paths = new Set(a.graph.nodes.map((n) => n.path));
    expect(c.graph.nodes.some((n) => paths.has(n.path))).toBe(false);
  });

  it('lists references before their referrers (an acyclic graph)', () => {
    const { graph } = planWorld(input('demo'));
    const seen = new Set<string>();
    for (const node of graph.nodes) {
      for (const ref of node.references) expect(seen.has(ref.path)).toBe(true);
      seen.add(node.path);
    }
  });

  it('moves the channel every 3 to 6 generations and dates generations up to now', () => {
    const plan = planWorld(input('demo'));
    const labels = plan.systems.system.generations.map((g) => g.facts.nixosVersion);
    // Lengths of the runs of generations on one channel revision (the last run may still be short).
    const starts = labels.flatMap((label, i) => (i === 0 || label !== labels[i - 1] ? [i] : []));
    const runs = starts.slice(1).map((start, i) => start - (starts[i] as number));
    expect(runs.length).toBeGreaterThan(4);
    expect(runs.every((r) => r >= 3 && r <= 6)).toBe(true);
    const dates = plan.systems.system.generations.map((g) => g.date.getTime());
    expect(dates).toEqual([...dates].sort((x, y) => x - y));
    expect(dates[dates.length - 1]).toBe(Date.parse('2026-11-21T19:53:21Z'));
    expect(dates[dates.length - 1]! - dates[0]!).toBeGreaterThan(30 * 86_400_000);
  });

  it('writes expectations that satisfy the contract', () => {
    const plan = planWorld(input('small', { quirks: true }));
    for (const record of [plan.systems.system, plan.systems.work, plan.home, plan.user]) {
      const profile = expectedProfile(record, plan.systems.booted.target);
      expect(ProfileSchema.parse(profile)).toEqual(profile);
      for (const g of profile.generations) expect(g.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
  });

  it('puts quirks among and above the normal generations', () => {
    const plan = planWorld(input('small', { quirks: true }));
    const generations = plan.systems.system.generations;
    expect(generations).toHaveLength(15);
    expect(generations.filter((g) => g.facts.problem !== null).map((g) => g.number)).toEqual([5, 10, 15]);
    expect(plan.systems.system.current).toBe(14);
    expect(plan.home.generations[0]?.facts.homeManagerVersion).toBeNull();
  });
});
