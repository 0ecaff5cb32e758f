// The web door's wire format: JSON messages over the WebSocket at /api.
import { z } from 'zod';
import { GentryErrorSchema } from './contract/index.ts';

/** Browser → server: one call. `id` pairs the reply with the request. */
export const WireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  call: z.string().max(64),
  input: z.unknown(),
});

/** Server → browser: the reply to one call. */
export const WireReplySchema = z.object({
  id: z.number().int().nonnegative(),
  result: z.union([
    z.object({ ok: z.literal(true), value: z.unknown() }),
    z.object({ ok: z.literal(false), error: GentryErrorSchema }),
  ]),
});

/** Server → browser: an event pushed to every connected page. */
export const WireEventSchema = z.object({
  event: z.string(),
  payload: z.unknown(),
});

/** Path of the WebSocket endpoint on the web door. */
export const API_PATH = '/api';

/** The WebSocket subprotocol the web door speaks; the server selects it in its handshake answer. */
export const API_PROTOCOL = 'gentry.v1';

/** The page offers its session token as a second subprotocol, `gentry.token.TOKEN` (never a cookie or a query). */
export const TOKEN_PROTOCOL_PREFIX = 'gentry.token.';

export type WireRequest = z.infer<typeof WireRequestSchema>;
export type WireReply = z.infer<typeof WireReplySchema>;
export type WireEvent = z.infer<typeof WireEventSchema>;
