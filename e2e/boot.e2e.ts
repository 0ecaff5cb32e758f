// The boot menu view and labels in Chromium against `gentry serve` on fresh worlds, with the real helper
// run directly under --root (GENTRY_HELPER, no pkexec): make an older entry the default and another one
// boot once, see the DEFAULT and NEXT BOOT markers move (and the EFI variables appear), clear both, set the
// timeout (undone by the next rebuild: the declarative line shows); label a generation and see the label in
// the list and the boot view; deleting it asks a second time. Then a screenshot on a demo world.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Generation, Profile } from '../common/contract/index.ts';
import { docsScreenshot, expect, test } from './fixtures.ts';

const LOADER_GUID = '4a67b082-0a4c-41cf-b6c7-440b29bb8c4f';

/** The boot entry with file name `id`. */
function entry(page: Page, id: string) {
  return page.locator(`[data-testid=boot-entry][data-id="${id}"]`);
}

/** The generation row `number` of the list shown. */
function row(page: Page, number: number) {
  return page.locator(`[data-testid=generation-row][data-number="${number}"]`);
}

const entryId = (number: number) => `nixos-generation-${number}.conf`;

/** Opens the Boot menu tab and waits for the entries. */
async function openBoot(page: Page): Promise<void> {
  await page.getByTestId('nav-boot').click();
  await expect(page.getByTestId('boot-entry-list')).toBeVisible();
}

/** Runs the open boot dialog's change and closes it once done. */
async function confirmBoot(page: Page, action: string): Promise<void> {
  const dialog = page.getByTestId('boot-dialog');
  await expect(dialog).toHaveAttribute('data-action', action);
  await expect(dialog).toHaveAttribute('data-state', 'ready');
  await expect(dialog.getByTestId('boot-preview-summary')).not.toBeEmpty();
  await dialog.getByTestId('boot-confirm').click();
  await expect(dialog).toHaveAttribute('data-state', 'done');
  await expect(dialog.getByTestId('boot-outcome')).toHaveAttribute('data-state', 'done');
  await dialog.getByTestId('boot-cancel').click();
  await expect(dialog).toHaveCount(0);
}

/** Writes a systemd-boot EFI variable as efivarfs shows it: 4 bytes of attributes, UTF-16LE, a NUL. */
function writeLoaderVariable(efivars: string, name: string, value: string): void {
  const text = Buffer.from(`${value}\0`, 'utf16le');
  writeFileSync(join(efivars, `${name}-${LOADER_GUID}`), Buffer.concat([Buffer.from([7, 0, 0, 0]), text]));
}

test.describe('the boot menu view and labels', () => {
  test('moves the default and the one-shot from the UI, and protects a labelled generation', async ({ page, launch, helperBinary }) => {
    test.setTimeout(180_000);
    // A world of this test's own, with an empty efivars directory: the test changes its ESP and profile.
    const gentry = await launch({ fresh: { preset: 'small' }, helper: helperBinary, boot: true });
    const world = gentry.world!;
    const efivars = gentry.efivars!;
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const current = system.generations.find((g) => g.current) as Generation;
    const plain = system.generations.filter((g) => !g.current && !g.booted && g.problem === null && existsSync(join(world.esp, 'loader/entries', entryId(g.number))));
    expect(plain.length, 'the small world has old generations with boot entries').toBeGreaterThanOrEqual(3);
    const [labelled, pinned, once] = plain as [Generation, Generation, Generation];
    const variables = () => readdirSync(efivars);
    const header = page.getByTestId('boot-header');
    const dialog = page.getByTestId('boot-dialog');
    const text = 'last good before the KiCad update';

    await test.step('the boot view starts with loader.conf\'s default, no one-shot and no EFI variables', async () => {
      await gentry.open(page);
      await openBoot(page);
      await expect(header).toHaveAttribute('data-default-source', 'loader.conf');
      await expect(entry(page, entryId(current.number))).toHaveAttribute('data-default', 'true');
      await expect(page.locator('[data-testid=boot-entry][data-default=true]')).toHaveCount(1);
      await expect(page.locator('[data-testid=boot-entry][data-oneshot=true]')).toHaveCount(0);
      expect(variables()).toEqual([]);
    });

    await test.step(`make #${pinned.number} the default: the DEFAULT marker moves and the EFI variable exists`, async () => {
      await entry(page, entryId(pinned.number)).click();
      await expect(page.getByTestId('boot-entry-details')).toHaveAttribute('data-id', entryId(pinned.number));
      await page.getByTestId('boot-action-set-default').click();
      await confirmBoot(page, 'set-default');
      await expect(entry(page, entryId(pinned.number))).toHaveAttribute('data-default', 'true');
      await expect(entry(page, entryId(pinned.number)).locator('[data-marker=default]')).toHaveText('DEFAULT');
      await expect(entry(page, entryId(current.number))).toHaveAttribute('data-default', 'false');
      await expect(header).toHaveAttribute('data-default-source', 'efi');
      await expect(page.getByTestId('source-default')).toHaveAttribute('title', /never touches EFI variables/);
      expect(variables()).toContain(`LoaderEntryDefault-${LOADER_GUID}`);
      await expect(page.getByTestId('boot-warnings')).toContainText('LoaderEntryDefault');
    });

    await test.step(`boot #${once.number} once, with the keyboard: arrows move, Enter opens the actions`, async () => {
      const list = page.getByTestId('boot-entry-list');
      await entry(page, entryId(once.number)).click();
      await list.press('ArrowUp');
      await list.press('ArrowDown');
      await expect(entry(page, entryId(once.number))).toHaveAttribute('data-selected', 'true');
      await list.press('Enter');
      await expect(page.getByTestId('boot-entry-menu')).toBeVisible();
      await page.screenshot({ path: 'test-results/boot-menu.png' });
      await expect(page.getByTestId('boot-menu-edit')).toHaveAttribute('aria-disabled', 'true'); // NixOS writes this entry
      await page.getByTestId('boot-menu-set-oneshot').click();
      await confirmBoot(page, 'set-oneshot');
      await expect(entry(page, entryId(once.number))).toHaveAttribute('data-oneshot', 'true');
      await expect(entry(page, entryId(once.number)).locator('[data-marker=oneshot]')).toHaveText('NEXT BOOT');
      await expect(header).toHaveAttribute('data-oneshot', entryId(once.number));
      expect(variables()).toContain(`LoaderEntryOneShot-${LOADER_GUID}`);
    });

    await test.step('clearing both puts the markers back on loader.conf\'s default and removes the variables', async () => {
      await page.getByTestId('boot-clear-oneshot').click();
      await confirmBoot(page, 'clear-oneshot');
      await page.getByTestId('boot-clear-default').click();
      await confirmBoot(page, 'clear-default');
      await expect(header).toHaveAttribute('data-default-source', 'loader.conf');
      await expect(entry(page, entryId(current.number))).toHaveAttribute('data-default', 'true');
      await expect(page.locator('[data-testid=boot-entry][data-default=true]')).toHaveCount(1);
      await expect(page.locator('[data-testid=boot-entry][data-oneshot=true]')).toHaveCount(0);
      await expect(page.getByTestId('boot-clear-default')).toHaveCount(0);
      expect(variables()).toEqual([]);
    });

    await test.step('the timeout goes into loader.conf, and the dialog says the next rebuild undoes it', async () => {
      await page.getByTestId('boot-timeout-action').click();
      await expect(dialog).toHaveAttribute('data-state', 'editing');
      await expect(page.getByTestId('boot-timeout-input')).toBeFocused();
      await page.getByTestId('boot-timeout-input').fill('soon');
      await page.getByTestId('boot-preview-draft').click();
      await expect(page.getByTestId('boot-draft-problem')).toBeVisible();
      await page.getByTestId('boot-timeout-input').fill('3');
      await page.getByTestId('boot-timeout-input').press('Enter');
      await expect(dialog.getByTestId('boot-undone')).toContainText('The next nixos-rebuild will undo this');
      await expect(dialog.getByTestId('boot-declarative')).toHaveText('boot.loader.timeout = 3;');
      await page.screenshot({ path: 'test-results/boot-timeout.png' });
      await confirmBoot(page, 'set-timeout');
      await expect(header).toHaveAttribute('data-timeout', '3');
      expect(readFileSync(join(world.esp, 'loader/loader.conf'), 'utf8')).toMatch(/^timeout 3$/m);
    });

    await test.step('entries NixOS does not write can be edited and removed', async () => {
      await entry(page, 'windows.conf').click();
      await page.getByTestId('boot-action-edit').click();
      await expect(dialog).toHaveAttribute('data-state', 'editing');
      const editor = page.getByTestId('boot-entry-editor');
      await expect(editor).toBeFocused();
      const before = await editor.inputValue();
      expect(before).toBe(readFileSync(join(world.esp, 'loader/entries/windows.conf'), 'utf8'));
      await editor.fill(before.replace(/^title .*$/m, 'title Windows 11'));
      await page.getByTestId('boot-preview-draft').click();
      await expect(dialog.getByTestId('boot-preview-change')).toContainText('title Windows 11');
      await confirmBoot(page, 'write-entry');
      await expect(entry(page, 'windows.conf')).toContainText('Windows 11');
      expect(readFileSync(join(world.esp, 'loader/entries/windows.conf'), 'utf8')).toMatch(/^title Windows 11$/m);
      await entry(page, 'memtest86.conf').click();
      await page.getByTestId('boot-action-remove').click();
      await confirmBoot(page, 'remove-entry');
      await expect(entry(page, 'memtest86.conf')).toHaveCount(0);
      expect(existsSync(join(world.esp, 'loader/entries/memtest86.conf'))).toBe(false);
    });

    await test.step(`label #${labelled.number} in the Generations tab: the list, the diff and the boot view show it`, async () => {
      await page.getByTestId('nav-generations').click();
      await page.getByTestId('profile-system-system').click();
      await row(page, labelled.number).click();
      await page.getByTestId('label-edit').click();
      await page.getByTestId('label-input').fill(text);
      await page.getByTestId('note-input').fill('KiCad 9 broke the footprint editor');
      await page.getByTestId('label-save').click();
      await expect(row(page, labelled.number)).toHaveAttribute('data-label', text);
      await expect(row(page, labelled.number).getByTestId('label-chip')).toBeVisible();
      await expect(page.getByTestId('label-text')).toHaveText(text);
      await page.screenshot({ path: 'test-results/boot-label.png' });
      // The diff of it and the generation after it names the labelled side.
      const after = system.generations.find((g) => g.number > labelled.number) as Generation;
      await row(page, after.number).click();
      await page.getByTestId('diff-with-previous').click();
      await expect(page.getByTestId('diff-labels')).toContainText(`#${labelled.number}`);
      await expect(page.getByTestId('diff-labels').getByTestId('label-chip')).toHaveAttribute('data-label', text);
      await page.screenshot({ path: 'test-results/boot-label-diff.png' });
      await page.getByTestId('diff-back').click();
      await openBoot(page);
      await expect(entry(page, entryId(labelled.number)).getByTestId('label-chip')).toHaveAttribute('data-label', text);
    });

    await test.step('deleting the labelled generation asks a second, explicit time; only then does it go', async () => {
      await page.getByTestId('nav-generations').click();
      await page.locator(`[data-testid=select-generation][data-number="${labelled.number}"]`).check();
      await page.getByTestId('action-delete-selected').click();
      const actions = page.getByTestId('action-dialog');
      await expect(actions).toHaveAttribute('data-state', 'ready');
      await expect(actions.getByTestId('labelled-delete')).toContainText(`Also delete labelled generation ${labelled.number} ‘${text}’`);
      await expect(page.getByTestId('action-confirm')).toBeDisabled();
      await page.screenshot({ path: 'test-results/boot-labelled-delete.png' });
      await page.getByTestId('confirm-labelled').check();
      await expect(page.getByTestId('action-confirm')).toBeEnabled();
      await page.getByTestId('action-confirm').click();
      await expect(page.getByTestId('action-outcome')).toHaveAttribute('data-state', 'done');
      await page.getByTestId('action-cancel').click();
      await expect(row(page, labelled.number)).toHaveCount(0);
    });
  });

  test('a default whose kernel is missing: the verdict says the next boot will fail and which rows cannot boot', async ({ page, launch }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1024, height: 700 });
    const gentry = await launch({ fresh: { preset: 'small' }, boot: true });
    const world = gentry.world!;
    const dir = join(world.esp, 'loader/entries');
    const linuxOf = (file: string) => /^linux\s+(\S+)/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? null;
    const current = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system')?.generations.find((g) => g.current) as Generation;
    const kernel = linuxOf(entryId(current.number)) as string;
    // NixOS copies each kernel to the ESP once: every entry of that kernel loses it.
    const sharing = readdirSync(dir).filter((f) => f.endsWith('.conf') && linuxOf(f) === kernel).sort();
    const others = readdirSync(dir).filter((f) => f.endsWith('.conf') && !sharing.includes(f));
    expect(others.length, 'the small world has entries with another kernel (or none: memtest, windows)').toBeGreaterThan(0);
    rmSync(join(world.esp, kernel));

    await gentry.open(page);
    await openBoot(page);
    const verdict = page.getByTestId('boot-verdict');
    await expect(verdict).toHaveAttribute('data-state', 'broken');
    await expect(verdict).toHaveAttribute('data-entry', entryId(current.number));
    await expect(verdict).toContainText(`The next boot will fail: NixOS, generation ${current.number}`);
    await expect(verdict).toContainText(`Its kernel file ${kernel} is not on the ESP.`);
    await expect(verdict).not.toContainText('--');
    await expect(entry(page, entryId(current.number))).toHaveAttribute('data-broken', 'true');
    await expect(entry(page, entryId(current.number)).locator('[data-marker=broken]')).toHaveText('WILL NOT BOOT');
    expect((await page.locator('[data-testid=boot-entry][data-broken=true]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).sort()).toEqual(sharing);
    // One warning counts them instead of a line per file; the view opens at the top, the app's header in sight.
    await expect(page.getByTestId('boot-warning').filter({ hasText: `${sharing.length} of ` })).toHaveCount(1);
    expect(await page.evaluate('document.scrollingElement ? document.scrollingElement.scrollTop : 0')).toBe(0);
    await expect(page.getByTestId('nav-boot')).toBeInViewport();
    // The way out: the first entry that can boot, a click away.
    await page.getByTestId('boot-verdict-select').click();
    const selected = page.locator('[data-testid=boot-entry][data-selected=true]');
    await expect(selected).toHaveAttribute('data-broken', 'false');
    await page.screenshot({ path: docsScreenshot('boot-broken.png') });
  });

  test('screenshot of the boot view on a demo world', async ({ page, launch, helperBinary }) => {
    test.setTimeout(120_000);
    const gentry = await launch({ fresh: { preset: 'demo' }, helper: helperBinary, boot: true });
    const world = gentry.world!;
    const system = world.expected.profiles.find((p) => p.kind === 'system' && p.name === 'system') as Profile;
    const older = system.generations.filter((g) => !g.current && !g.booted && existsSync(join(world.esp, 'loader/entries', entryId(g.number))));
    const [pinnedGen, labelledGen] = older.slice(-2).reverse() as [Generation, Generation];
    // Someone pinned an older default from the menu once (bootctl set-default): the trap the view explains.
    writeLoaderVariable(gentry.efivars!, 'LoaderEntryDefault', entryId(pinnedGen.number));

    await gentry.open(page);
    await page.getByTestId('profile-system-system').click();
    await row(page, labelledGen.number).click();
    await page.getByTestId('label-edit').click();
    await page.getByTestId('label-input').fill('last good before the KiCad update');
    await page.getByTestId('label-save').click();
    await expect(row(page, labelledGen.number)).toHaveAttribute('data-label', 'last good before the KiCad update');
    await openBoot(page);
    await expect(entry(page, entryId(pinnedGen.number))).toHaveAttribute('data-default', 'true');
    await entry(page, entryId(labelledGen.number)).click();
    await expect(entry(page, entryId(labelledGen.number)).getByTestId('label-chip')).toBeVisible();
    await page.getByTestId('boot-entry-list').focus();
    await page.screenshot({ path: docsScreenshot('boot.png') });
  });
});
