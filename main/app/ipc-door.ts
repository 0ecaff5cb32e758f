// The Electron door: every contract call registered from one loop, each checking its sender first
// (a window we made, its main frame, our own page) before the shared dispatch.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames, type CallName, type CallResult } from '../../common/contract/index.ts';
import { dispatch } from '../dispatch.ts';
import type { Logger } from '../infra/log.ts';
import type { Services } from '../services.ts';
import { callChannel } from '../../common/channels.ts';

/** Decides whether an IPC event comes from a sender we trust. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trusts only the main frame of a known window showing our own page. */
export function senderCheck(isKnownContents: (id: number) => boolean, appUrl: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || !isKnownContents(event.sender.id)) return false;
    if (frame !== event.sender.mainFrame) return false;
    return frame.url.split('#')[0] === appUrl;
  };
}

/** The client ID of a window's web contents (events addressed to it go to that window only). */
export function windowClient(webContentsId: number): string {
  return `window-${webContentsId}`;
}

/** Registers one handler per contract call on `ipc`; returns a function that removes them. */
export function registerIpcDoor(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, services: Services, trusted: SenderCheck, log: Logger): () => void {
  for (const name of callNames) {
    ipc.handle(callChannel(name), async (event, input: unknown): Promise<CallResult<CallName>> => {
      if (!trusted(event)) {
        log.warn(`refused ${name} from an unknown sender (${event.senderFrame?.url ?? 'no frame'})`);
        return { ok: false, error: { code: 'bad-input', message: 'This sender may not call Gentry.', hint: null } };
      }
      return dispatch(services.handlers, name, input, log, { client: windowClient(event.sender.id) });
    });
  }
  return () => {
    for (const name of callNames) ipc.removeHandler(callChannel(name));
  };
}
