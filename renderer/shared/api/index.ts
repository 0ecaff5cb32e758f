// The renderer's only way to reach Gentry (shared/STYLE.md habit 8: stores call this, components do not).
export { api, connection } from './door.ts';
export type { ConnectionPhase, ConnectionSource, ConnectionStatus } from './connection.ts';
