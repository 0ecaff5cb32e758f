// The generations view in Chromium against `gentry serve` on a real world: every profile's
// generations as the world has them, the details pane, keyboard navigation, and a screenshot.
import type { Page } from '@playwright/test';
import type { Profile } from '../common/contract/index.ts';
import { expect, test } from './fixtures.ts';

interface RowSeen {
  number: number;
  current: boolean;
  booted: boolean;
  fields: Record<string, string>;
}

/** Scrolls the virtualised list from top to bottom and returns every row it rendered. */
async function collectRows(page: Page): Promise<RowSeen[]> {
  const list = page.getByTestId('generation-list');
  await list.evaluate((el) => (el.scrollTop = 0));
  const seen = new Map<number, RowSeen>();
  for (let guard = 0; guard < 500; guard++) {
    const rows = await page.getByTestId('generation-row').evaluateAll((els) =>
      els.map((el) => ({
        number: Number(el.getAttribute('data-number')),
        current: el.getAttribute('data-current') === 'true',
        booted: el.getAttribute('data-booted') === 'true',
        fields: Object.fromEntries([...el.querySelectorAll('.cell[data-field]')].map((c) => [c.getAttribute('data-field') ?? '', c.getAttribute('data-value') ?? ''])),
      })),
    );
    for (const r of rows) seen.set(r.number, r);
    const moved = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    // Wait for the virtualiser to render the rows of the new scroll position (an event of the page, not a sleep).
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }
  return [...seen.values()];
}

function expectRowsMatch(rows: RowSeen[], profile: Profile): void {
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  expect([...byNumber.keys()].sort((a, b) => a - b), `${profile.name}: generation numbers`).toEqual(profile.generations.map((g) => g.number));
  for (const g of profile.generations) {
    const row = byNumber.get(g.number) as RowSeen;
    expect({ n: g.number, current: row.current, booted: row.booted }).toEqual({ n: g.number, current: g.current, booted: g.booted });
    expect(row.fields.date).toBe(g.date);
    if ('closureSize' in row.fields) expect(row.fields.closureSize, `closure of ${profile.name} ${g.number}`).toBe(g.closureSize === null ? '' : String(g.closureSize));
    if (profile.kind === 'system') {
      expect(row.fields.nixosVersion).toBe(g.nixosVersion ?? '');
      expect(row.fields.kernelVersion).toBe(g.kernelVersion ?? '');
      expect(row.fields.nixpkgsRevision).toBe(g.nixpkgsRevision ?? '');
    }
    if (profile.kind === 'home') expect(row.fields.homeManagerVersion).toBe(g.homeManagerVersion ?? '');
    if (profile.kind === 'user') expect(row.fields.packages).toBe(g.packages === null ? '' : String(g.packages.length));
    if ('specialisations' in row.fields) expect(row.fields.specialisations).toBe(g.specialisations.join(','));
  }
}

test.describe('the generations view', () => {
  test('shows every generation of every profile as the world has them', async ({ page, world, gentry }) => {
    await gentry.open(page);
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'generations');
    for (const profile of world.expected.profiles) {
      const entry = page.getByTestId(`profile-${profile.kind}-${profile.name}`);
      await entry.click();
      await expect(entry).toHaveAttribute('data-count', String(profile.generations.length));
      await expect(page.getByTestId('generation-list')).toHaveAttribute('data-count', String(profile.generations.length));
      expectRowsMatch(await collectRows(page), profile);
    }
  });

  test('shows the details of the selected generation and moves with the keyboard', async ({ page, world, gentry }) => {
    await gentry.open(page);
    const system = world.expected.profiles[0] as Profile;
    await page.getByTestId(`profile-system-${system.name}`).click();
    const current = system.generations.find((g) => g.current);
    if (!current) throw new Error('the world has no current system generation');
    await page.locator(`#generation-row-${current.number}`).click();
    const details = page.getByTestId('generation-details');
    await expect(details).toHaveAttribute('data-number', String(current.number));
    await expect(details.locator('[data-field=storePath]')).toHaveAttribute('data-value', current.storePath ?? '');
    await page.getByTestId('generation-list').focus();
    await page.keyboard.press('End');
    const oldest = system.generations[0]?.number;
    await expect(details).toHaveAttribute('data-number', String(oldest));
    await page.keyboard.press('Home');
    await expect(details).toHaveAttribute('data-number', String(system.generations.at(-1)?.number));
    await page.keyboard.press('ArrowDown');
    await expect(details).toHaveAttribute('data-number', String(system.generations.at(-2)?.number));
    const withProblem = system.generations.find((g) => g.problem !== null);
    if (withProblem) {
      await page.locator(`#generation-row-${withProblem.number}`).click();
      await expect(details.locator('[data-field=problem]')).toBeVisible();
    }
    // Back to the top, where the current generation's row is: the click above scrolled the list (how far depends on
    // whether the virtualiser had seen Playwright's scroll before the click), and only rendered rows are in the DOM.
    const currentRow = page.locator(`#generation-row-${current.number}`);
    await page.getByTestId('generation-list').evaluate((el) => (el.scrollTop = 0));
    await expect(currentRow).toBeAttached();
    await currentRow.click();
    await page.screenshot({ path: 'test-results/generations.png' });
  });

  test('marks the booted generation that is not the current one', async ({ page, world, gentry }) => {
    await gentry.open(page);
    const system = world.expected.profiles[0] as Profile;
    const booted = system.generations.find((g) => g.booted);
    if (!booted) throw new Error('the world has no booted generation');
    const rows = await collectRows(page);
    expect(rows.find((r) => r.booted)?.number).toBe(booted.number);
  });
});
