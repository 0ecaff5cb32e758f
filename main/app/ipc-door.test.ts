import { describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { callNames, type GentryHandlers, type Machine } from '../../common/contract/index.ts';
import { silentLogger } from '../infra/log.ts';
import type { Services } from '../services.ts';
import { callChannel } from '../../common/channels.ts';
import { registerIpcDoor, senderCheck } from './ipc-door.ts';

const appUrl = 'file:///app/out/renderer/index.html';
const machine: Machine = { hasSystemProfile: true, systemProfile: '/nix/var/nix/profiles/system', demo: false, demoAvailable: false, demoUnavailableReason: 'no' };

function fakeIpc() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
  return {
    handlers,
    ipc: { handle: (ch: string, fn: never) => void handlers.set(ch, fn), removeHandler: (ch: string) => void handlers.delete(ch) },
  };
}

function fakeEvent(opts: { id?: number; url?: string; subframe?: boolean } = {}): IpcMainInvokeEvent {
  const mainFrame = { url: opts.url ?? appUrl };
  return { sender: { id: opts.id ?? 1, mainFrame }, senderFrame: opts.subframe ? { url: appUrl } : mainFrame } as unknown as IpcMainInvokeEvent;
}

function fakeServices(): Services {
  const unused = Object.fromEntries(callNames.map((n) => [n, vi.fn(async () => Promise.reject(new Error('not used here')))])) as unknown as GentryHandlers;
  return {
    handlers: {
      ...unused,
      machine: vi.fn(async () => machine),
      listProfiles: vi.fn(async () => ({ profiles: [], notices: [] })),
      openDemo: vi.fn(async () => machine),
      diff: vi.fn(async () => {
        throw new Error('not used here');
      }),
      history: vi.fn(async () => ({ points: [] })),
      previewSwitch: vi.fn(async () => ({ diff: null, alreadyCurrent: true })),
      switchGeneration: vi.fn(async () => ({ state: 'done' as const, message: '', result: null })),
      previewDelete: vi.fn(async () => ({ generations: [], collectablePaths: 0, collectableBytes: 0, labelled: [] })),
      deleteGenerations: vi.fn(async () => ({ state: 'done' as const, message: '', result: null })),
      previewGc: vi.fn(async () => ({ outcome: { state: 'done' as const, message: '', result: null }, deadPaths: 0, bytes: 0 })),
      collectGarbage: vi.fn(async () => ({ state: 'done' as const, message: '', result: null })),
      bootMenu: vi.fn(async () => ({ loader: 'none' as const, esp: null, timeout: null, default: null, oneshot: null, entries: [], warnings: [] })),
    },
    subscribe: () => () => {},
    close() {},
  };
}

describe('the IPC door', () => {
  it('registers every contract call from one loop and removes them again', () => {
    const { ipc, handlers } = fakeIpc();
    const off = registerIpcDoor(ipc, fakeServices(), () => true, silentLogger);
    expect([...handlers.keys()].sort()).toEqual(callNames.map(callChannel).sort());
    off();
    expect(handlers.size).toBe(0);
  });

  it('answers a trusted sender through dispatch', async () => {
    const { ipc, handlers } = fakeIpc();
    const services = fakeServices();
    registerIpcDoor(ipc, services, senderCheck((id) => id === 1, appUrl), silentLogger);
    expect(await handlers.get(callChannel('machine'))?.(fakeEvent(), {})).toEqual({ ok: true, value: machine });
  });

  it('refuses unknown windows, subframes and other pages without calling the service', async () => {
    const { ipc, handlers } = fakeIpc();
    const services = fakeServices();
    registerIpcDoor(ipc, services, senderCheck((id) => id === 1, appUrl), silentLogger);
    for (const event of [fakeEvent({ id: 2 }), fakeEvent({ subframe: true }), fakeEvent({ url: 'https://evil.example/' })]) {
      const r = (await handlers.get(callChannel('machine'))?.(event, {})) as { ok: boolean };
      expect(r.ok).toBe(false);
    }
    expect(services.handlers.machine).not.toHaveBeenCalled();
  });

  it('refuses input outside the contract', async () => {
    const { ipc, handlers } = fakeIpc();
    registerIpcDoor(ipc, fakeServices(), () => true, silentLogger);
    const r = (await handlers.get(callChannel('listProfiles'))?.(fakeEvent(), { rm: '-rf /' })) as { ok: boolean; error: { code: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
