// The system profiles: `system` with its generations (and, with quirks, broken ones) and system-profiles/work.
import { join } from 'node:path';
import { emptyFacts, type GenerationFacts, type GenerationRecord, type ProfileRecord } from './generation-record.ts';
import { buildSystem, type BuiltSystem, type SystemPlan } from './nixos-system.ts';
import { hostName, planSystemGenerations, planWorkGenerations } from './system-plans.ts';
import { ChannelTimeline, generationDates, wholeSeconds } from './timeline.ts';
import { fakeRevision } from './world-hash.ts';
import type { WorldContext } from './world-context.ts';
import { worldLayout } from './world-layout.ts';

/** The two system profiles, plus what the rest of the world needs from them. */
export interface SystemProfiles {
  system: ProfileRecord;
  work: ProfileRecord;
  timeline: ChannelTimeline;
  /** Dates of the normal system generations, oldest first. */
  dates: Date[];
  booted: GenerationRecord;
  currentRecord: GenerationRecord;
}

function systemFacts(built: BuiltSystem, plan: SystemPlan): GenerationFacts {
  return {
    ...emptyFacts(),
    nixosVersion: plan.withoutVersion ? null : built.label,
    nixpkgsRevision: plan.withoutVersion ? null : plan.revision.shortRev,
    kernelVersion: built.kernelVersion,
    specialisations: Object.keys(built.specialisations).sort(),
    problem: plan.withoutVersion ? 'the toplevel has no nixos-version file' : null,
  };
}

function record(number: number, date: Date, built: BuiltSystem, plan: SystemPlan): GenerationRecord {
  return {
    number,
    date,
    target: built.toplevel.path,
    root: built.toplevel,
    facts: systemFacts(built, plan),
    system: plan.withoutVersion ? null : built,
  };
}

function between(earlier: Date, later: Date, share: number): Date {
  return wholeSeconds(new Date(earlier.getTime() + (later.getTime() - earlier.getTime()) * share));
}

/** Plans and builds the system and work profiles. */
export function buildSystemProfiles(ctx: WorldContext, count: number, now: Date, quirks: boolean, profilesDir: string): SystemProfiles {
  const dates = generationDates(ctx.seed, count, now);
  const timeline = new ChannelTimeline(ctx.seed, ctx.history, dates);
  const plans = planSystemGenerations(ctx, timeline.byGeneration);
  const normal = plans.map((plan, i) => ({ date: dates[i] as Date, plan, built: buildSystem(ctx, plan) }));

  // Quirks among the normal generations go just before these normal ones (never after the current one).
  const outsideBefore = Math.min(Math.floor(count / 3), count - 1);
  const noVersionBefore = Math.min(Math.floor((2 * count) / 3), count - 1);
  const dateBefore = (index: number, share: number): Date => {
    const next = normal[index]?.date as Date;
    const previous = normal[index - 1]?.date ?? new Date(next.getTime() - 2 * 86_400_000);
    return between(previous, next, share);
  };

  const generations: GenerationRecord[] = [];
  let number = 0;
  normal.forEach(({ date, plan, built }, index) => {
    if (quirks && index === outsideBefore) {
      const target = worldLayout(ctx.root).outsideToplevel;
      generations.push({
        number: ++number,
        date: dateBefore(index, 1 / 3),
        target,
        root: null,
        facts: { ...emptyFacts(), problem: 'the generation points outside the Nix store' },
        system: null,
      });
    }
    if (quirks && index === noVersionBefore) {
      const quirkPlan: SystemPlan = {
        ...(normal[index] as { plan: SystemPlan }).plan,
        configurationRevision: fakeRevision(ctx.seed, 'configuration', 'no-version'),
        specialisations: {},
        withoutVersion: true,
      };
      generations.push(record(++number, dateBefore(index, 2 / 3), buildSystem(ctx, quirkPlan), quirkPlan));
    }
    generations.push(record(++number, date, built, plan));
  });
  const currentRecord = generations[generations.length - 1] as GenerationRecord;
  if (quirks) {
    // A dangling link numbered above the current generation (as after a rollback whose newer path is gone).
    const previous = normal[count - 2]?.date ?? new Date(currentRecord.date.getTime() - 86_400_000);
    generations.push({
      number: ++number,
      date: between(previous, currentRecord.date, 0.98),
      target: ctx.graph.phantomPath(`nixos-system-${hostName}-${currentRecord.facts.nixosVersion ?? 'gone'}`, 'dangling'),
      root: null,
      facts: { ...emptyFacts(), problem: 'the store path the generation points to does not exist' },
      system: null,
    });
  }
  const normalRecords = generations.filter((g) => g.system !== null);
  const booted = normalRecords[normalRecords.length - 2] ?? currentRecord;

  const workDates = [0.3, 0.55, 0.8].map((share) => ChannelTimeline.between(dates, share));
  const workPlans = planWorkGenerations(ctx, workDates.map((date) => timeline.revisionAt(date)));
  const workGenerations = workPlans.map((plan, i) => record(i + 1, workDates[i] as Date, buildSystem(ctx, plan), plan));

  return {
    system: { kind: 'system', name: 'system', path: join(profilesDir, 'system'), generations, current: currentRecord.number },
    work: { kind: 'system', name: 'work', path: join(profilesDir, 'system-profiles', 'work'), generations: workGenerations, current: 2 },
    timeline,
    dates,
    booted,
    currentRecord,
  };
}
