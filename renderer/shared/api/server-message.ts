// Reading what the web door sends: a reply to a call, or an event, checked against common/wire.ts.
import { WireEventSchema, WireReplySchema, type WireEvent, type WireReply } from '../../../common/wire.ts';

/** One message from the server, sorted into a reply, an event, or something this page cannot use. */
export type ServerMessage =
  | { kind: 'reply'; reply: WireReply }
  | { kind: 'event'; event: WireEvent }
  | { kind: 'invalid'; reason: string };

/** Parses and validates one WebSocket message (its `data`). */
export function parseServerMessage(data: unknown): ServerMessage {
  if (typeof data !== 'string') return { kind: 'invalid', reason: 'not a text message' };
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const reply = WireReplySchema.safeParse(value);
    return reply.success ? { kind: 'reply', reply: reply.data } : { kind: 'invalid', reason: `bad reply: ${reply.error.message}` };
  }
  const event = WireEventSchema.safeParse(value);
  return event.success ? { kind: 'event', event: event.data } : { kind: 'invalid', reason: 'neither a reply nor an event' };
}
