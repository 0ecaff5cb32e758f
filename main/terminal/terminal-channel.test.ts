// Flow control, safe cutting and batching of terminal output, without a pty (the real pty is in
// pty-session.integration.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowControl } from './flow-control.ts';
import { byteLength, splitSafely, trailingPartialEscape } from './safe-split.ts';
import { TerminalChannel } from './terminal-channel.ts';

describe('FlowControl', () => {
  it('pauses above the high watermark and resumes at the low one, once each', () => {
    const calls: string[] = [];
    const f = new FlowControl(() => calls.push('pause'), () => calls.push('resume'), 100, 20);
    f.sent(60);
    f.sent(40);
    expect(calls).toEqual([]); // exactly at the watermark: not above it
    f.sent(1);
    f.sent(50);
    expect(calls).toEqual(['pause']);
    expect(f.unacked).toBe(151);
    f.ack(100);
    expect(f.paused).toBe(true); // 51 > 20
    f.ack(31);
    expect(calls).toEqual(['pause', 'resume']);
    f.ack(1000);
    expect(f.unacked).toBe(0); // never below zero
    f.check(101);
    expect(calls).toEqual(['pause', 'resume', 'pause']); // queued data alone can pause
    f.reset();
    expect(calls).toEqual(['pause', 'resume', 'pause', 'resume']);
    expect(() => new FlowControl(() => {}, () => {}, 10, 10)).toThrow(RangeError);
  });
});

describe('splitSafely', () => {
  it('never cuts a character or an escape sequence, and keeps every byte', () => {
    const samples = ['a'.repeat(300), 'é'.repeat(300), '😀'.repeat(200), `${'x'.repeat(95)}\u001b[38;5;196mred\u001b[0m${'y'.repeat(200)}`, `${'z'.repeat(90)}\u001b]8;;https://example.org/${'p'.repeat(40)}\u0007link\u001b]8;;\u0007tail`];
    for (const text of samples) {
      for (let max = 8; max <= 130; max++) {
        let rest = text;
        const parts: string[] = [];
        while (rest !== '') {
          const [head, tail] = splitSafely(rest, max);
          expect(head.length).toBeGreaterThan(0);
          parts.push(head);
          rest = tail;
        }
        expect(parts.join('')).toBe(text);
        for (const p of parts) {
          expect(p).not.toMatch(/[\ud800-\udbff]$/);
          // A part may be over the limit only when it is one escape sequence that does not fit.
          if (byteLength(p) > max) expect(p.startsWith('\u001b')).toBe(true);
          expect(trailingPartialEscape(p), JSON.stringify(p)).toBe(-1);
        }
      }
    }
  });

  it('finds a trailing partial escape sequence', () => {
    expect(trailingPartialEscape('abc\u001b[3')).toBe(3);
    expect(trailingPartialEscape('abc\u001b[31m')).toBe(-1);
    expect(trailingPartialEscape('abc\u001b]8;;http://x')).toBe(3);
    expect(trailingPartialEscape('plain')).toBe(-1);
  });
});

describe('TerminalChannel', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const channel = (extra: Partial<ConstructorParameters<typeof TerminalChannel>[0]> = {}) => {
    const sent: string[] = [];
    const source = { paused: false, pauses: 0 };
    const ch = new TerminalChannel({
      send: (d) => sent.push(d),
      pause: () => {
        source.paused = true;
        source.pauses++;
      },
      resume: () => {
        source.paused = false;
      },
      highWatermark: 1000,
      lowWatermark: 200,
      maxEventBytes: 300,
      intervalMs: 16,
      detachAfterMs: 5000,
      ...extra,
    });
    return { ch, sent, source };
  };

  it('gathers output for one interval, then sends it in events of at most maxEventBytes', () => {
    const { ch, sent } = channel();
    ch.push('a');
    ch.push('b');
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['ab']);
    ch.push('x'.repeat(700));
    expect(sent.slice(1).map((s) => s.length)).toEqual([300, 300, 100]); // a full event goes at once
  });

  it('holds back a trailing partial escape sequence for one interval', () => {
    const { ch, sent } = channel();
    ch.push('red: \u001b[3');
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['red: ']);
    ch.push('1mX');
    vi.advanceTimersByTime(16);
    expect(sent).toEqual(['red: ', '\u001b[31mX']);
    ch.push('\u001b[');
    vi.advanceTimersByTime(40);
    expect(sent.join('')).toBe('red: \u001b[31mX\u001b['); // not held for ever
  });

  it('pauses the source while the owner has too much unacknowledged, resumes when it acknowledges', () => {
    const { ch, sent, source } = channel();
    for (let i = 0; i < 4; i++) ch.push('y'.repeat(300));
    expect(source.paused).toBe(true);
    expect(ch.stats().unacked).toBe(1200);
    ch.ack(900);
    expect(source.paused).toBe(true);
    ch.ack(100);
    expect(source.paused).toBe(false);
    expect(sent.join('').length).toBe(1200);
  });

  it('detaches from an owner that stops acknowledging, and a new owner starts clean', () => {
    const { ch, sent, source } = channel();
    for (let i = 0; i < 4; i++) ch.push('z'.repeat(300));
    expect(source.paused).toBe(true);
    vi.advanceTimersByTime(4000);
    ch.ack(10); // still paused: the wait starts again
    vi.advanceTimersByTime(4000);
    expect(source.paused).toBe(true);
    vi.advanceTimersByTime(1001);
    expect(source.paused).toBe(false);
    expect(ch.stats().detached).toBe(true);
    const before = sent.length;
    ch.push('lost to the old owner (the log has it)');
    vi.advanceTimersByTime(16);
    expect(sent.length).toBe(before);
    const second: string[] = [];
    ch.attach((d) => second.push(d));
    ch.push('new');
    vi.advanceTimersByTime(16);
    expect(second).toEqual(['new']);
    expect(ch.stats()).toMatchObject({ unacked: 3, detached: false, paused: false });
  });
});
