// Real pseudo-terminals: bash typing and answering, resizes seen by `stty size`, exit codes, stops that
// interrupt and that have to terminate, and flow control under a burst of megabytes.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PtySession } from './pty-session.ts';
import { TerminalChannel } from './terminal-channel.ts';

const dir = mkdtempSync(join(tmpdir(), 'gentry-pty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', PS1: 'PROMPT$ ' };

/** Collects a session's output and resolves waits on it. */
function collector() {
  let text = '';
  const waiters: { re: RegExp; from: number; resolve: (m: RegExpExecArray) => void }[] = [];
  const onText = (t: string) => {
    text += t;
    for (const w of [...waiters]) {
      const m = w.re.exec(text.slice(w.from));
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  const waitFor = (re: RegExp, from = 0) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const m = re.exec(text.slice(from));
      if (m) return resolve(m);
      waiters.push({ re, from, resolve });
      setTimeout(() => reject(new Error(`timed out waiting for ${re} in ${JSON.stringify(text.slice(-400))}`)), 10_000).unref();
    });
  return { onText, waitFor, get text() {
    return text;
  } };
}

describe('a pty session', () => {
  it('runs bash: echoes input, answers, sees resizes and ends with its exit code', async () => {
    const out = collector();
    const s = new PtySession({ file: 'bash', args: ['--norc', '--noprofile', '-i'], env, cwd: dir, cols: 80, rows: 24 }, out.onText);
    await out.waitFor(/PROMPT\$ $/);
    s.write('stty size\r');
    await out.waitFor(/^24 80\r$/m);
    s.resize(132, 40);
    let mark = out.text.length;
    s.write('stty size\r');
    await out.waitFor(/^40 132\r$/m, mark);
    mark = out.text.length;
    s.write('echo "héllo wörld ✓" | tr a-z A-Z\r');
    await out.waitFor(/echo "héllo wörld ✓" \| tr a-z A-Z/, mark); // the echo of what was typed
    await out.waitFor(/^HéLLO WöRLD ✓\r$/m, mark);
    s.write('exit 3\r');
    const end = await s.exited;
    expect(end).toEqual({ exitCode: 3, signal: null, stoppedWith: null });
    expect(s.hasEnded).toBe(true);
  });

  it('stops a foreground program with an interrupt', async () => {
    const out = collector();
    const s = new PtySession({ file: 'bash', args: ['-c', 'echo started; sleep 100; echo never'], env, cwd: dir, cols: 80, rows: 24 }, out.onText);
    await out.waitFor(/started/);
    const t0 = Date.now();
    const end = await s.stop({ interruptMs: 5000, terminateMs: 5000 });
    expect(end.stoppedWith).toBe('interrupt');
    // bash waits for sleep, which dies of SIGINT; bash then dies of it too.
    expect(end.signal === 2 || end.exitCode === 130).toBe(true);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(out.text).not.toContain('never');
  });

  it('terminates a program that ignores interrupts after the grace period', async () => {
    const out = collector();
    const s = new PtySession({ file: 'bash', args: ['-c', 'trap "" INT; echo ready; sleep 100; echo after-sleep; sleep 100'], env, cwd: dir, cols: 80, rows: 24 }, out.onText);
    await out.waitFor(/ready/);
    const t0 = Date.now();
    const end = await s.stop({ interruptMs: 600, terminateMs: 5000 });
    expect(end.stoppedWith).toBe('terminate');
    expect(end.signal).toBe(15);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(550);
    expect(out.text).not.toContain('after-sleep');
  });
});

/** A consumer that takes `msPerEvent` for each event, in order, then calls `done` with its size. */
function slowWriter(msPerEvent: number, done: (bytes: number) => void) {
  const queue: number[] = [];
  let busy = false;
  const next = () => {
    const bytes = queue.shift();
    if (bytes === undefined) {
      busy = false;
      return;
    }
    setTimeout(() => {
      done(bytes);
      next();
    }, msPerEvent);
  };
  return {
    write(bytes: number) {
      queue.push(bytes);
      if (!busy) {
        busy = true;
        next();
      }
    },
  };
}

describe('a pty session that will not stop', () => {
  it('is killed when it ignores interrupts and SIGTERM', async () => {
    const out = collector();
    const s = new PtySession({ file: 'bash', args: ['-c', 'trap "" INT TERM; echo stubborn; sleep 100'], env, cwd: dir, cols: 80, rows: 24 }, out.onText);
    await out.waitFor(/stubborn/);
    const end = await s.stop({ interruptMs: 300, terminateMs: 300 });
    expect(end).toEqual({ exitCode: 0, signal: 9, stoppedWith: 'kill' });
  });

  it('ends at once when Gentry closes', async () => {
    const out = collector();
    const s = new PtySession({ file: 'bash', args: ['-c', 'trap "" INT TERM HUP; echo stubborn; sleep 100'], env, cwd: dir, cols: 80, rows: 24 }, out.onText);
    await out.waitFor(/stubborn/);
    const t0 = Date.now();
    s.kill();
    const end = await s.exited;
    expect(end.stoppedWith).toBe('kill');
    expect(end.signal).toBe(9);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('flow control with a real pty', () => {
  it('keeps memory bounded under a 20 MiB burst, pauses the pty while unacknowledged, and delivers every byte in order', async () => {
    const file = join(dir, 'random.bin');
    const fd = openSync(file, 'w');
    spawnSync('head', ['-c', String(20 * 1024 * 1024), '/dev/urandom'], { stdio: ['ignore', fd, 'inherit'] });
    closeSync(fd);
    // What the terminal must show: base64's lines, with the pty's \r\n (hashed as it streams, so the test
    // itself holds nothing big and the memory measured is the session's).
    const want = createHash('sha256');
    const b64 = spawn('base64', [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    for await (const chunk of b64.stdout) want.update((chunk as Buffer).toString('latin1').replaceAll('\n', '\r\n'), 'latin1');
    const expected = want.digest('hex');
    globalThis.gc?.();

    const hash = createHash('sha256');
    let received = 0;
    let events = 0;
    let maxEvent = 0;
    let sawPaused = false;
    let maxHeld = 0;
    let pausedWhenOver = true;
    const high = 512 * 1024;
    let session: PtySession | null = null;
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed + baseline.arrayBuffers;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
    }, 20);

    // The "window": like xterm, it writes one event after another (here at about 16 MB/s) and
    // acknowledges each once written.
    const writer = slowWriter(4, (bytes) => channel.ack(bytes));
    const channel: TerminalChannel = new TerminalChannel({
      send: (data) => {
        hash.update(data, 'latin1');
        const bytes = Buffer.byteLength(data);
        received += bytes;
        events++;
        maxEvent = Math.max(maxEvent, bytes);
        writer.write(bytes);
      },
      pause: () => session?.pause(),
      resume: () => session?.resume(),
    });
    session = new PtySession({ file: 'base64', args: [file], env, cwd: dir, cols: 80, rows: 24 }, (t) => {
      channel.push(t);
      const st = channel.stats();
      maxHeld = Math.max(maxHeld, st.unacked + st.pendingBytes);
      if (session?.paused) sawPaused = true;
      if (st.unacked > high && !session?.paused) pausedWhenOver = false;
    });
    const end = await session.exited;
    channel.close();
    clearInterval(sampler);
    expect(end.exitCode).toBe(0);
    expect(hash.digest('hex')).toBe(expected);
    expect(received).toBe(Math.ceil((20 * 1024 * 1024) / 57) * 2 + Math.ceil((20 * 1024 * 1024) / 3) * 4);
    expect(sawPaused).toBe(true);
    expect(pausedWhenOver).toBe(true);
    expect(maxEvent).toBeLessThanOrEqual(64 * 1024);
    // Held in main at any time: the high watermark plus what one read of the pty brings.
    expect(maxHeld).toBeLessThan(high + 256 * 1024);
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(
      `burst: ${mib(received)} MiB in ${events} events (largest ${maxEvent} B); most held unacknowledged+pending ${mib(maxHeld)} MiB; ` +
        `peak RSS ${mib(peakRss)} MiB (+${mib(peakRss - baseline.rss)}), peak heap+buffers ${mib(peakHeap)} MiB (+${mib(peakHeap - baseline.heapUsed - baseline.arrayBuffers)})`,
    );
    expect(peakHeap - baseline.heapUsed - baseline.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
  });

  it('loses nothing when the program exits while its output is paused', async () => {
    // 72 KiB without newlines against a 64 KiB watermark: the program can finish writing into the pty's
    // buffer and exit while Gentry is not reading; node-pty would then drop the rest after 200 ms.
    const total = 72 * 1024;
    let received = '';
    let session: PtySession | null = null;
    const acks: number[] = [];
    const channel = new TerminalChannel({
      send: (d) => {
        received += d;
        acks.push(Buffer.byteLength(d));
      },
      pause: () => session?.pause(),
      resume: () => session?.resume(),
      highWatermark: 64 * 1024,
      lowWatermark: 16 * 1024,
    });
    // The program holds a FIFO open for writing until it (and the pipeline it started) has exited: the end of
    // file on its reader is the event that it has ended, with all of its output written into the pty.
    const fifo = join(dir, 'paused-exit.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const lifeline = createReadStream(fifo);
    lifeline.resume();
    const programEnded = once(lifeline, 'end');
    session = new PtySession({ file: 'bash', args: ['-c', `exec 3>${fifo}; head -c ${total} /dev/zero | tr '\\0' a`], env, cwd: dir, cols: 80, rows: 24 }, (t) => channel.push(t));
    // Acknowledge nothing until the program has ended (10 s deadline).
    let deadline: NodeJS.Timeout | undefined;
    await Promise.race([
      programEnded,
      new Promise((_, reject) => {
        deadline = setTimeout(() => reject(new Error('the program did not end within 10 s')), 10_000);
      }),
    ]);
    clearTimeout(deadline);
    for (const n of acks.splice(0)) channel.ack(n);
    const stop = setInterval(() => {
      for (const n of acks.splice(0)) channel.ack(n);
    }, 5);
    const end = await session.exited;
    clearInterval(stop);
    channel.close();
    expect(end.exitCode).toBe(0);
    expect(received).toBe('a'.repeat(total));
  });
});
