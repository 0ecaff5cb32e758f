// One fake of the renderer's api for store tests, built from the contract's call map: it has every call and
// `on`, and answers only what the test told it to. A call it was not told about fails the test with the
// call's name (thrown at the call, and again when the test ends, in case a store turned the throw into an
// error state). Inputs are checked against the call's input schema, answers against its output schema, as
// the doors do, so a test cannot pass on a shape the real door would refuse.
import { onTestFinished } from 'vitest';
import {
  callNames, calls, events,
  type CallInput, type CallName, type CallOutput, type CallResult, type EventName, type EventPayload, type GentryApi, type GentryErrorShape,
} from '../common/contract/index.ts';

/** A call the fake holds until the test answers it. */
export type HeldCall<K extends CallName = CallName> = {
  name: K;
  input: CallInput<K>;
  /** Answers the call with `result`. */
  answer(result: CallResult<K>): void;
  /** Answers the call with a value. */
  ok(value: CallOutput<K>): void;
  /** Answers the call with a typed error. */
  fail(error: GentryErrorShape): void;
  /** Makes the call reject (a broken link). */
  reject(error: Error): void;
};

/** A call as the store made it. */
export type MadeCall = { [K in CallName]: { name: K; input: CallInput<K> } }[CallName];

type Handler<K extends CallName> = (input: CallInput<K>) => Promise<CallResult<K>>;

/** The fake: `api` goes to the store, the rest is how the test drives it. */
export type FakeApi = {
  api: GentryApi;
  /** What the fake could not serve (a call it was not told about, an input the contract refuses); the test fails at its end unless this is empty. */
  problems: string[];
  /** Every call made, in order (held, answered or handled). */
  made: MadeCall[];
  /** Held calls not answered yet, oldest first. */
  held: HeldCall[];
  /** From now on `names` wait until the test answers them (`next`, `take`). */
  hold(...names: CallName[]): FakeApi;
  /** From now on `name` answers `result` at once. */
  answer<K extends CallName>(name: K, result: CallResult<K>): FakeApi;
  /** From now on `name` is answered by `handler`. */
  handle<K extends CallName>(name: K, handler: Handler<K>): FakeApi;
  /** The oldest held call, which must be `name` (fails naming what waits instead). */
  next<K extends CallName>(name: K): HeldCall<K>;
  /** The oldest held call named `name`, whatever was called before it. */
  take<K extends CallName>(name: K): HeldCall<K>;
  /** The inputs of every call named `name`, in order. */
  inputs<K extends CallName>(name: K): Array<CallInput<K>>;
  /** Sends `payload` to the listeners of `event` (checked against the event's schema). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** How many listeners `event` has now. */
  listeners(event: EventName): number;
};

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`).join('; ');
}

/** A fake api for one test (call it inside the test: it checks at the test's end that no call went unanswered by plan). */
export function fakeApi(): FakeApi {
  const made: MadeCall[] = [];
  const held: HeldCall[] = [];
  const handlers = new Map<CallName, Handler<CallName>>();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const problems: string[] = [];

  onTestFinished(() => {
    if (problems.length > 0) throw new Error(`The fake api saw calls it could not serve:\n${problems.join('\n')}`);
  });

  const checkAnswer = (name: CallName, result: CallResult<CallName>): void => {
    if (!result.ok) return;
    const parsed = calls[name].output.safeParse(result.value);
    if (!parsed.success) throw new Error(`The test answered ${name} with a value its output schema refuses: ${describe(parsed.error.issues)}`);
  };

  const call = (name: CallName) => (input: unknown): Promise<CallResult<CallName>> => {
    const handler = handlers.get(name);
    const refuse = (message: string): never => {
      problems.push(message);
      throw new Error(message);
    };
    if (!handler) refuse(`The fake api was not told about ${name} (called with ${JSON.stringify(input)}): hold('${name}'), answer('${name}', …) or handle('${name}', …) in the test.`);
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success) refuse(`The store called ${name} with an input the contract refuses: ${describe(parsed.error.issues)}`);
    made.push({ name, input } as MadeCall);
    return handler!(input as CallInput<CallName>);
  };

  const holder = (name: CallName): Handler<CallName> => (input) => new Promise((resolve, reject) => {
    const answer = (result: CallResult<CallName>): void => {
      checkAnswer(name, result);
      resolve(result);
    };
    held.push({
      name, input, answer,
      ok: (value) => answer({ ok: true, value }),
      fail: (error) => answer({ ok: false, error }),
      reject,
    });
  });

  const api = Object.fromEntries(callNames.map((name) => [name, call(name)])) as Record<CallName, unknown>;
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => set.delete(listener);
  };

  const fake: FakeApi = {
    api: { ...api, on } as unknown as GentryApi,
    problems,
    made,
    held,
    hold(...names) {
      for (const name of names) handlers.set(name, holder(name));
      return fake;
    },
    answer(name, result) {
      checkAnswer(name, result as CallResult<CallName>);
      handlers.set(name, () => Promise.resolve(result as CallResult<CallName>));
      return fake;
    },
    handle(name, handler) {
      handlers.set(name, handler as unknown as Handler<CallName>);
      return fake;
    },
    next(name) {
      const first = held[0];
      if (!first) throw new Error(`Expected a ${name} call; no call is waiting.`);
      if (first.name !== name) throw new Error(`Expected a ${name} call next; the oldest waiting call is ${first.name} (waiting: ${held.map((c) => c.name).join(', ')}).`);
      return held.shift() as unknown as HeldCall<typeof name>;
    },
    take(name) {
      const index = held.findIndex((c) => c.name === name);
      if (index < 0) throw new Error(`Expected a ${name} call; none is waiting (waiting: ${held.map((c) => c.name).join(', ') || 'nothing'}).`);
      return held.splice(index, 1)[0] as unknown as HeldCall<typeof name>;
    },
    inputs(name) {
      return made.filter((c) => c.name === name).map((c) => c.input) as Array<CallInput<typeof name>>;
    },
    emit(event, payload) {
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) throw new Error(`The test emitted ${event} with a payload its schema refuses: ${describe(parsed.error.issues)}`);
      for (const listener of listeners.get(event) ?? []) listener(payload as never);
    },
    listeners(event) {
      return listeners.get(event)?.size ?? 0;
    },
  };
  return fake;
}
