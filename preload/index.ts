// The preload: exposes exactly the contract as window.gentry — one function per call and `on` for
// events. No ipcRenderer, no generic invoke (shared/STYLE.md habit 5).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, eventNames } from '../common/contract/index.ts';
import { callChannel, EVENT_CHANNEL } from '../common/channels.ts';

const api: Record<string, unknown> = {};
for (const name of callNames) {
  api[name] = (input: unknown) => ipcRenderer.invoke(callChannel(name), input ?? {});
}
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!(eventNames as string[]).includes(event)) throw new Error(`unknown event ${event}`);
  const handler = (_e: IpcRendererEvent, msg: { event: string; payload: unknown }) => {
    if (msg.event === event) listener(msg.payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
};

contextBridge.exposeInMainWorld('gentry', api);
