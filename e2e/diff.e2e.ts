// The diff view and the history chart in Chromium against `gentry serve` on a real world: the diff of the
// current system generation against the one before, checked row by row against `gentry diff --json`;
// kind filter, search, "selected only", expanding a row, copying as text; and the history chart opening
// another generation's diff.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Diff, DiffStatus, Generation, Profile } from '../common/contract/index.ts';
import type { World } from '../worlds/index.ts';
import { expect, GENTRY_BIN, profileArgs, test } from './fixtures.ts';

const KINDS: readonly DiffStatus[] = ['upgraded', 'downgraded', 'changed', 'added', 'removed', 'rebuilt'];

interface RowSeen {
  name: string;
  status: string;
  selected: string;
  before: string;
  after: string;
}

/** What the real engine says, through the CLI (its own cache directory, so the test leaves nothing behind). */
function cliDiff(world: World, from: number, to: number): Diff {
  const cache = mkdtempSync(join(tmpdir(), 'gentry-e2e-cli-cache-'));
  try {
    const result = spawnSync(process.execPath, [GENTRY_BIN, 'diff', String(from), String(to), '--json', ...profileArgs(world)], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cache } });
    if (result.status !== 0) throw new Error(`gentry diff ${from} ${to} failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout) as Diff;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

/** Two animation frames: the virtualiser has rendered the rows of a new scroll position (a page event, not a sleep). */
async function frames(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/** Scrolls the virtualised diff table from top to bottom and returns every row it rendered. */
async function collectRows(page: Page): Promise<RowSeen[]> {
  const scroller = page.getByTestId('diff-scroll');
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await frames(page);
  const seen = new Map<string, RowSeen>();
  for (let guard = 0; guard < 2000; guard++) {
    const rows = await page.getByTestId('diff-row').evaluateAll((els) =>
      els.map((el) => ({
        name: el.getAttribute('data-name') ?? '',
        status: el.getAttribute('data-status') ?? '',
        selected: el.getAttribute('data-selected') ?? '',
        before: el.getAttribute('data-before') ?? '',
        after: el.getAttribute('data-after') ?? '',
      })),
    );
    for (const row of rows) seen.set(row.name, row);
    const moved = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await frames(page);
  }
  return [...seen.values()];
}

function expectedRows(diff: Diff): RowSeen[] {
  return diff.packages.map((p) => ({ name: p.name, status: p.status, selected: p.selected, before: p.before.join(','), after: p.after.join(',') }));
}

const byName = (a: RowSeen, b: RowSeen): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Waits until the diff view shows `from` → `to` of the system profile, fully rendered. */
async function expectDiffShown(page: Page, from: number, to: number): Promise<void> {
  const view = page.getByTestId('diff-view');
  await expect(view).toHaveAttribute('data-from', `system:system:${from}`);
  await expect(view).toHaveAttribute('data-to', `system:system:${to}`);
  await expect(page.locator('body')).toHaveAttribute('data-diff-ready', 'true');
}

/** Checks the summary bar against the engine's summary. */
async function expectSummary(page: Page, diff: Diff): Promise<void> {
  const summary = page.getByTestId('diff-summary');
  for (const kind of KINDS) {
    await expect(summary.locator(`[data-kind=${kind}]`), `${kind} count`).toHaveAttribute('data-count', String(diff.summary[kind]));
  }
  await expect(summary.locator('[data-field=closureSizeBefore]')).toHaveAttribute('data-value', String(diff.summary.closureSizeBefore));
  await expect(summary.locator('[data-field=closureSizeAfter]')).toHaveAttribute('data-value', String(diff.summary.closureSizeAfter));
}

/** The number of the generation before `number` in the profile, or null. */
function previousOf(profile: Profile, number: number): number | null {
  const older = profile.generations.map((g) => g.number).filter((n) => n < number);
  return older.length === 0 ? null : Math.max(...older);
}

test.describe('the diff view', () => {
  let system: Profile;
  let current: Generation;
  let previous: number;
  test.beforeAll(({ world }) => {
    system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const found = system.generations.find((g) => g.current);
    if (!found) throw new Error('the world has no current system generation');
    current = found;
    const before = previousOf(system, current.number);
    if (before === null) throw new Error('the current system generation is the oldest: nothing to diff');
    previous = before;
  });

  test('shows the current generation against the one before, as the engine has it, and filters it', async ({ page, context, world, gentry }) => {
    test.setTimeout(120_000);
    const table = page.getByTestId('diff-table');

    await test.step('open the diff of the current system generation against the one before', async () => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gentry.origin });
      await gentry.open(page);
      await page.getByTestId('profile-system-system').click();
      await page.locator(`#generation-row-${current.number}`).click();
      await expect(page.getByTestId('generation-details')).toHaveAttribute('data-number', String(current.number));
      await page.getByTestId('diff-with-previous').click();
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'diff');
      await expectDiffShown(page, previous, current.number);
    });

    const expected = await test.step('the summary and every row agree with gentry diff --json (rebuilt rows folded at first)', async () => {
      const diff = cliDiff(world, previous, current.number);
      expect(diff.packages.length, 'the world should make the current generation differ from the one before').toBeGreaterThan(0);
      await expectSummary(page, diff);
      await expect(page.getByTestId('diff-legend')).toContainText('newly selected');
      if (diff.summary.rebuilt > 0) {
        await expect(table).toHaveAttribute('data-count', String(diff.packages.length - diff.summary.rebuilt));
        await expect(page.getByTestId('diff-rebuilt-hidden')).toHaveAttribute('data-count', String(diff.summary.rebuilt));
        await page.getByTestId('diff-rebuilt-show').click();
      }
      await expect(page.getByTestId('diff-rebuilt-hidden')).toHaveCount(0);
      await expect(table).toHaveAttribute('data-count', String(diff.packages.length));
      expect((await collectRows(page)).sort(byName)).toEqual(expectedRows(diff).sort(byName));
      return diff;
    });

    await test.step('hiding one kind hides exactly its rows', async () => {
      const kind = KINDS.filter((k) => expected.summary[k] > 0).sort((a, b) => expected.summary[a] - expected.summary[b])[0] as DiffStatus;
      await page.getByTestId(`diff-filter-${kind}`).click();
      await expect(page.getByTestId(`diff-filter-${kind}`)).toHaveAttribute('aria-pressed', 'false');
      await expect(table).toHaveAttribute('data-count', String(expected.packages.length - expected.summary[kind]));
      expect((await collectRows(page)).filter((r) => r.status === kind)).toEqual([]);
      await page.getByTestId(`diff-filter-${kind}`).click();
      await expect(table).toHaveAttribute('data-count', String(expected.packages.length));
    });

    await test.step('"Selected only" leaves the packages selected on either side', async () => {
      await page.getByTestId('diff-selected-only').check();
      await expect(table).toHaveAttribute('data-count', String(expected.packages.filter((p) => p.selected !== 'none').length));
      await page.getByTestId('diff-selected-only').uncheck();
    });

    const target = expected.packages.find((p) => p.pathsBefore.length > 0 && p.pathsAfter.length > 0) ?? expected.packages[0]!;
    await test.step('search by name: a substring, in the wrong case', async () => {
      const needle = target.name.slice(0, Math.max(3, Math.ceil(target.name.length / 2))).toUpperCase();
      const matching = expected.packages.filter((p) => p.name.toLowerCase().includes(needle.toLowerCase()));
      await page.getByTestId('diff-search').fill(needle);
      await expect(table).toHaveAttribute('data-count', String(matching.length));
      expect((await collectRows(page)).map((r) => r.name).sort()).toEqual(matching.map((p) => p.name).sort());
    });

    await test.step('a row expands to its store paths before and after', async () => {
      await page.getByTestId('diff-search').fill(target.name);
      const row = page.locator(`[data-testid=diff-row][data-name="${target.name}"]`);
      await row.click();
      await expect(row).toHaveAttribute('data-expanded', 'true');
      const paths = row.getByTestId('diff-row-paths');
      for (const [side, list] of [['before', target.pathsBefore], ['after', target.pathsAfter]] as const) {
        expect(await paths.locator(`[data-side=${side}] [data-path]`).evaluateAll((els) => els.map((el) => el.textContent))).toEqual(list);
      }
    });

    await test.step('copy as text puts the rows shown on the clipboard, one line each', async () => {
      await page.getByTestId('diff-copy').click();
      await expect(page.getByTestId('diff-copy')).toHaveAttribute('data-state', 'copied');
      const copied = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(copied).toContain(` ${target.name} `);
      expect(copied).toMatch(/^\[[UDCARB][*+\-.]\] /m);
      await page.getByTestId('diff-search').fill('');
      await expect(table).toHaveAttribute('data-count', String(expected.packages.length));
      await page.screenshot({ path: 'test-results/diff.png' });
    });

    await test.step('in the search, Esc empties it, then leaves it; down goes into the rows', async () => {
      const search = page.getByTestId('diff-search');
      await search.fill(target.name);
      await page.keyboard.press('Escape');
      await expect(search).toHaveValue('');
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'diff');
      await search.focus();
      await page.keyboard.press('ArrowDown');
      await expect(table).toBeFocused();
      await search.focus();
      await page.keyboard.press('Escape');
      await expect(search).not.toBeFocused();
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'diff');
    });

    await test.step('Esc goes back to the generations, with the newer side selected', async () => {
      await page.keyboard.press('Escape');
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'generations');
      await expect(page.getByTestId('generation-details')).toHaveAttribute('data-number', String(current.number));
    });
  });

  test('opens a generation\'s diff from the history chart, and steps between neighbours', async ({ page, world, gentry }) => {
    test.setTimeout(120_000);
    const chart = page.getByTestId('history-chart');
    const points = chart.getByTestId('history-point');

    await test.step('the chart has a point for every system generation, in order', async () => {
      await gentry.open(page);
      await page.getByTestId('profile-system-system').click();
      if ((await chart.getAttribute('data-open')) !== 'true') await page.getByTestId('history-toggle').click();
      await expect(points).toHaveCount(system.generations.length);
      expect((await points.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-number')))))).toEqual(system.generations.map((g) => g.number));
    });

    await test.step('channel updates are marked where the nixpkgs revision changes', async () => {
      const updates: number[] = [];
      let last: string | null = null;
      for (const g of system.generations) {
        if (g.nixpkgsRevision !== null && last !== null && g.nixpkgsRevision !== last) updates.push(g.number);
        if (g.nixpkgsRevision !== null) last = g.nixpkgsRevision;
      }
      const marked = await chart.getByTestId('channel-update').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-number'))));
      expect(marked).toEqual(updates);
    });

    // A generation other than the current one that has one before it, readable.
    const pick = [...system.generations].reverse().find((g) => !g.current && g.problem === null && previousOf(system, g.number) !== null) as Generation;
    const pickPrevious = previousOf(system, pick.number) as number;
    const expected = await test.step(`a point opens the diff of #${pick.number} against the one before, as the engine has it`, async () => {
      await points.and(page.locator(`[data-number="${pick.number}"]`)).click();
      await expect(page.locator('body')).toHaveAttribute('data-screen', 'diff');
      await expectDiffShown(page, pickPrevious, pick.number);
      const diff = cliDiff(world, pickPrevious, pick.number);
      await expectSummary(page, diff);
      await expect(page.getByTestId('diff-table').or(page.getByTestId('diff-empty'))).toBeVisible();
      return diff;
    });

    const newer = system.generations.find((g) => g.number > pick.number);
    if (newer) {
      await test.step('] and [ step to the newer pair and back; the way back comes from the cache', async () => {
        await page.getByTestId('diff-table').or(page.getByTestId('diff-empty')).first().focus();
        await page.keyboard.press(']');
        await expectDiffShown(page, pick.number, newer.number);
        await page.keyboard.press('[');
        await expectDiffShown(page, pickPrevious, pick.number);
        await expect(page.getByTestId('diff-view')).toHaveAttribute('data-state', expected.packages.length === 0 ? 'empty' : 'ready');
      });
    }
  });
});
