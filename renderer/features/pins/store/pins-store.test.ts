import { describe, it, expect } from 'vitest';
import type { GenerationRef, Settings } from '../../../../common/contract/index.ts';
import { pin, pinProblem, pinTarget } from '../../../../test-support/contract-fixtures.ts';
import type { PinRequest } from '../lib/pin-rules.ts';
import { fakeApi } from '../../../../test-support/fake-api.ts';
import { createPinsStore } from './pins-store.ts';

/** The shared fake, holding the pins calls until the test answers them (`next` takes the oldest, which must be the one named). */
function pinsApi() {
  const fake = fakeApi().hold('pinTargets', 'previewPin', 'addPin', 'removePin', 'pinSuggestions', 'settings', 'saveSettings');
  return { ...fake, pending: fake.held };
}

/** Lets the store's awaits run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const from: GenerationRef = { kind: 'system', name: 'system', number: 41 };
const request: PinRequest = { attr: 'kicad', choices: [{ version: '8.0.1', generation: from }, { version: '8.0.0', generation: from }] };
const entry = pin({ reason: null });
const previewValue = { entry, pinsJson: '{"version":1,"pins":[]}', problems: [pinProblem()] };
const unavailable = { code: 'unavailable' as const, message: 'Pins are not built yet.', hint: null };

describe('pins store', () => {
  it('lists the targets, and keeps the error when they cannot be listed', async () => {
    const { api, next } = pinsApi();
    const store = createPinsStore(api);
    const loading = store.getState().load();
    expect(store.getState().loading).toBe(true);
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget()] } });
    await loading;
    expect(store.getState()).toMatchObject({ loading: false, error: null, targets: [pinTarget()] });

    const again = store.getState().load();
    next('pinTargets').answer({ ok: false, error: unavailable });
    await again;
    expect(store.getState()).toMatchObject({ loading: false, error: unavailable });
    expect(store.getState().targets).toEqual([pinTarget()]); // what was listed before stays
  });

  it('opens the dialog, picks the target, previews, and pins with the reason', async () => {
    const { api, next, pending } = pinsApi();
    const store = createPinsStore(api);
    const opening = store.getState().openPin(request);
    expect(store.getState().dialog?.phase).toBe('targets');
    const home = pinTarget({ name: 'home-pins', kind: 'home', path: '/home/a/pins' });
    next('pinTargets').answer({ ok: true, value: { targets: [home, pinTarget()] } });
    await tick();
    expect(store.getState().dialog).toMatchObject({ phase: 'previewing', target: 'system-pins' });
    const first = next('previewPin');
    expect(first.input).toEqual({ target: 'system-pins', attr: 'kicad', fromGeneration: from, version: '8.0.1' });
    expect(pending).toHaveLength(0);

    // The reason changes while the first preview is on its way: only the newest answer counts.
    const reasoning = store.getState().setReason('  8.0.2 crashes on start  ');
    const second = next('previewPin');
    expect(second.input).toEqual({ target: 'system-pins', attr: 'kicad', fromGeneration: from, version: '8.0.1', reason: '8.0.2 crashes on start' });
    first.answer({ ok: true, value: previewValue });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'previewing', preview: null });
    const withReason = { ...previewValue, entry: pin({ reason: '8.0.2 crashes on start' }) };
    second.answer({ ok: true, value: withReason });
    await reasoning;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', preview: withReason });

    const pinning = store.getState().confirmPin();
    expect(next('addPin').input).toEqual(second.input);
    pending.length = 0;
    store.getState().closePin(); // refused while writing
    expect(store.getState().dialog?.phase).toBe('saving');
    void pinning;
  });

  it('drops a stale preview and pins what the newest preview showed', async () => {
    const { api, next } = pinsApi();
    const store = createPinsStore(api);
    const opening = store.getState().openPin(request);
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget()] } });
    await tick();
    const stale = next('previewPin');
    const choosing = store.getState().setChoice(1);
    const fresh = next('previewPin');
    expect(fresh.input).toMatchObject({ version: '8.0.0' });
    stale.answer({ ok: true, value: previewValue });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'previewing', preview: null });
    const freshValue = { ...previewValue, entry: pin({ version: '8.0.0' }) };
    fresh.answer({ ok: true, value: freshValue });
    await choosing;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', preview: freshValue });

    const pinning = store.getState().confirmPin();
    expect(store.getState().dialog?.phase).toBe('saving');
    store.getState().closePin();
    expect(store.getState().dialog).not.toBeNull(); // cannot close while writing
    const add = next('addPin');
    expect(add.input).toEqual({ target: 'system-pins', attr: 'kicad', fromGeneration: from, version: '8.0.0' });
    const saved = pinTarget({ pins: [pin({ version: '8.0.0' })], problems: [pinProblem()] });
    add.answer({ ok: true, value: saved });
    await pinning;
    expect(store.getState().dialog).toMatchObject({ phase: 'done', saved });
    expect(store.getState().targets).toEqual([saved]);
    store.getState().closePin();
    expect(store.getState().dialog).toBeNull();
  });

  it('says when no target serves the kind, and carries on once one is added', async () => {
    const { api, next } = pinsApi();
    const store = createPinsStore(api);
    const opening = store.getState().openPin(request);
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget({ name: 'home-pins', kind: 'home' })] } });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'no-target', target: null });
    await store.getState().confirmPin(); // nothing to pin into
    expect(store.getState().dialog?.phase).toBe('no-target');

    const adding = store.getState().addTarget({ name: 'sys', path: '/etc/nixos/pins', kind: 'system' });
    expect(store.getState().addingTarget).toBe(true);
    const settings: Settings = { version: 1, systemFlake: null, homeFlake: null, nixpkgsGit: null, overlayTargets: [{ name: 'home-pins', path: '/home/a/pins', kind: 'home' }], runHistoryLimitMiB: 200 };
    next('settings').answer({ ok: true, value: settings });
    await tick();
    const save = next('saveSettings');
    expect(save.input).toEqual({ ...settings, overlayTargets: [...settings.overlayTargets, { name: 'sys', path: '/etc/nixos/pins', kind: 'system' }] });
    save.answer({ ok: true, value: save.input });
    await tick();
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget({ name: 'home-pins', kind: 'home' }), pinTarget({ name: 'sys' })] } });
    await tick();
    expect(store.getState().dialog).toMatchObject({ phase: 'previewing', target: 'sys' });
    next('previewPin').answer({ ok: true, value: previewValue });
    expect(await adding).toBeNull();
    expect(store.getState().dialog?.phase).toBe('ready');
    expect(store.getState().addingTarget).toBe(false);
  });

  it('shows a failed preview and a failed pin, and lets the person try again', async () => {
    const { api, next } = pinsApi();
    const store = createPinsStore(api);
    const opening = store.getState().openPin(request);
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget()] } });
    await tick();
    const refused = { code: 'bad-input' as const, message: 'kicad is not an attribute of nixpkgs at a1b2c3d', hint: 'Check the attribute name.' };
    next('previewPin').answer({ ok: false, error: refused });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', preview: null, error: refused });
    await store.getState().confirmPin();
    expect(store.getState().dialog?.phase).toBe('ready'); // nothing previewed, nothing to pin

    const retrying = store.getState().repreview();
    next('previewPin').answer({ ok: true, value: previewValue });
    await retrying;
    const pinning = store.getState().confirmPin();
    next('addPin').answer({ ok: false, error: unavailable });
    await pinning;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', error: unavailable, preview: previewValue });
  });

  it('does not ask for a preview of an attribute that is not one', async () => {
    const { api, next, pending } = pinsApi();
    const store = createPinsStore(api);
    const opening = store.getState().openPin(request);
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget()] } });
    await tick();
    next('previewPin').answer({ ok: true, value: previewValue });
    await opening;
    await store.getState().setAttr('not an attr');
    expect(pending).toHaveLength(0);
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', preview: null, error: null });
  });

  it('fails the dialog with the listing error when no target was ever listed, and starts over on retry', async () => {
    const { api, next } = pinsApi();
    const store = createPinsStore(api);
    const opening = store.getState().openPin(request);
    next('pinTargets').answer({ ok: false, error: unavailable });
    await opening;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', error: unavailable, target: null });
    const retrying = store.getState().repreview();
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget()] } });
    await tick();
    next('previewPin').answer({ ok: true, value: previewValue });
    await retrying;
    expect(store.getState().dialog).toMatchObject({ phase: 'ready', target: 'system-pins', preview: previewValue });
  });

  it('unpins, and keeps a failed unpin beside its pin', async () => {
    const { api, next } = pinsApi();
    const store = createPinsStore(api);
    const loading = store.getState().load();
    next('pinTargets').answer({ ok: true, value: { targets: [pinTarget({ pins: [pin()] })] } });
    await loading;
    const failing = store.getState().unpin('system-pins', 'kicad');
    expect(store.getState().unpinning).toBe('system-pins/kicad');
    next('removePin').answer({ ok: false, error: unavailable });
    expect(await failing).toBe(false);
    expect(store.getState().unpinFailure).toEqual({ target: 'system-pins', attr: 'kicad', error: unavailable });
    const removing = store.getState().unpin('system-pins', 'kicad');
    expect(store.getState().unpinFailure).toBeNull();
    next('removePin').answer({ ok: true, value: pinTarget() });
    expect(await removing).toBe(true);
    expect(store.getState().targets).toEqual([pinTarget()]);
    expect(store.getState().unpinning).toBeNull();
  });

  it('finds versions, keeping only the newest search', async () => {
    const { api, next, pending } = pinsApi();
    const store = createPinsStore(api);
    await store.getState().findVersions('   ');
    expect(pending).toHaveLength(0);
    const first = store.getState().findVersions('kica');
    const second = store.getState().findVersions(' kicad ');
    const a = next('pinSuggestions');
    const b = next('pinSuggestions');
    expect(b.input).toEqual({ attr: 'kicad' });
    const found = { attr: 'kicad', versions: [{ version: '8.0.1', generations: [{ profile: 'system', number: 41 }], nixpkgsRevision: null, inStore: true }] };
    b.answer({ ok: true, value: found });
    await second;
    a.answer({ ok: true, value: { attr: 'kica', versions: [] } });
    await first;
    expect(store.getState().suggestions).toEqual({ attr: 'kicad', loading: false, value: found, error: null });
  });

  it('turns a rejected call into an error', async () => {
    const store = createPinsStore(pinsApi().handle('pinTargets', () => Promise.reject(new Error('socket closed'))).api);
    await store.getState().load();
    expect(store.getState().error).toMatchObject({ code: 'internal', message: expect.stringContaining('socket closed') });
  });
});
