// The Electron preload exposes exactly the contract as window.gentry; in a browser it is absent.
import type { GentryApi } from '../../../common/contract/index.ts';

declare global {
  interface Window {
    /** The contract, exposed by the Electron preload; undefined when the page is served by `gentry serve`. */
    gentry?: GentryApi;
  }
}

export {};
