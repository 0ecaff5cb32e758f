// One run while it runs: the recipe's program in a pty, its output through the internal-json parser
// (the terminal shows the person's log, not raw JSON), appended to the run's log file and sent to the
// one client that owns the run, with flow control; progress events to the owner at most ten a second;
// at the end the summary (with the new generation, if one appeared) is written and sent to everyone.
import { rm } from 'node:fs/promises';
import type { RunSummary } from '../../common/contract/index.ts';
import { writeFileAtomically } from '../infra/atomic-file.ts';
import { GentryError } from '../infra/errors.ts';
import { describeExit, type HelperCommand } from '../helper/helper-client.ts';
import type { Logger } from '../infra/log.ts';
import { createNixLogParser, type NixLogParser } from '../progress/nix-log-parser.ts';
import type { Emit } from '../service-deps.ts';
import { type PtyExit, PtySession, type StopGrace } from '../terminal/pty-session.ts';
import { TerminalChannel, type TerminalChannelOptions } from '../terminal/terminal-channel.ts';
import { helperLineClaim } from './helper-lines.ts';
import { LogFile } from './log-file.ts';
import { currentGeneration, newGeneration } from './new-generation.ts';
import type { RecipePlan } from './recipes.ts';
import { emptyProgress, readLogTail, type RunOwnerProcess, runPaths, writeSummary } from './run-store.ts';

/** What a run needs from the services. */
export interface LiveRunDeps {
  stateDir: string;
  emit: Emit;
  log: Logger;
  helper: HelperCommand;
  /** This Gentry process (recorded in run.json, so another Gentry can tell a crashed run from a live one). */
  process: RunOwnerProcess;
  /** Grace periods of a stop (tests shorten them). */
  grace?: StopGrace;
  /** Flow control and batching settings (tests shrink them). */
  channel?: Partial<Omit<TerminalChannelOptions, 'send' | 'pause' | 'resume'>>;
  /** The least time between two runProgress events; default 100 ms. */
  progressIntervalMs?: number;
}

/** The terminal size a run starts with. */
export interface TermSize {
  cols: number;
  rows: number;
}

const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');
const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const RESET = '\u001b[0m';

/** A running run. */
export class LiveRun {
  /** Resolves with the final summary once the run has ended and its summary is written. */
  readonly finished: Promise<RunSummary>;
  private current: RunSummary;
  private ownerClient: string;
  private readonly session: PtySession;
  private readonly parser: NixLogParser;
  private readonly channel: TerminalChannel;
  private readonly logFile: LogFile;
  private readonly deps: LiveRunDeps;
  private readonly pauses = new Set<'owner' | 'log'>();
  private progressTimer: NodeJS.Timeout | null = null;
  private lastProgressAt = 0;
  private lastVersion = -1;

  private constructor(plan: RecipePlan, summary: RunSummary, owner: string, size: TermSize, logFile: LogFile, deps: LiveRunDeps, generationBefore: number | null) {
    this.current = summary;
    this.ownerClient = owner;
    this.logFile = logFile;
    this.deps = deps;
    const claim = plan.helperProtocol ? helperLineClaim() : null;
    this.parser = createNixLogParser({ eol: '\r\n', claim: claim ?? undefined });
    const runId = summary.id;
    this.channel = new TerminalChannel({
      ...deps.channel,
      send: (data) => deps.emit('terminalData', { runId, data }, this.ownerClient),
      pause: () => this.pause('owner'),
      resume: () => this.resume('owner'),
    });
    this.show(`${BOLD}$ ${plan.command}${RESET}\r\n`);
    this.session = new PtySession({ file: plan.file, args: plan.args, env: plan.env, cwd: plan.cwd, cols: size.cols, rows: size.rows }, (text) => {
      this.show(this.parser.feed(text));
      this.progressSoon();
    });
    this.finished = this.session.exited.then((exit) => this.end(plan, exit, claim?.result() ?? null, generationBefore));
  }

  /** Starts a planned recipe for `owner`; the run's directory and run.json exist when this resolves. */
  static async start(plan: RecipePlan, runId: string, owner: string, size: TermSize, deps: LiveRunDeps): Promise<LiveRun> {
    const paths = runPaths(deps.stateDir, runId);
    const summary: RunSummary = {
      id: runId,
      recipe: plan.recipe,
      mode: plan.mode,
      title: plan.title,
      started: isoSeconds(new Date()),
      ended: null,
      exitCode: null,
      state: 'running',
      progress: emptyProgress(),
      generation: null,
      logBytes: 0,
    };
    const before = plan.watch ? await currentGeneration(plan.watch.profile) : null;
    if (plan.writeFirst) await writeFileAtomically(plan.writeFirst.path, plan.writeFirst.text, 0o644);
    await writeSummary(deps.stateDir, summary, deps.process);
    let run: LiveRun | null = null;
    const logFile = await LogFile.open(paths.log, (over) => (over ? run?.pause('log') : run?.resume('log')));
    try {
      run = new LiveRun(plan, summary, owner, size, logFile, deps, before);
    } catch (err) {
      const message = `${plan.file} could not be started: ${(err as Error).message}`;
      logFile.append(`${message}\r\n`);
      await logFile.close();
      const failed: RunSummary = { ...summary, ended: isoSeconds(new Date()), state: 'failed', logBytes: logFile.bytes, progress: { ...summary.progress, errors: [message] } };
      await writeSummary(deps.stateDir, failed, deps.process);
      deps.emit('runFinished', { run: failed });
      throw new GentryError('unavailable', message, 'Check that it is installed and on PATH.');
    }
    return run;
  }

  /** The summary now. */
  summary(): RunSummary {
    return { ...this.current, progress: this.current.state === 'running' ? this.parser.progress() : this.current.progress, logBytes: this.logFile.bytes };
  }

  /** The client that sees the output. */
  get owner(): string {
    return this.ownerClient;
  }

  /** True once the program has ended (the summary may still be being written). */
  get ended(): boolean {
    return this.session.hasEnded;
  }

  /** Types into the terminal. */
  write(data: string): void {
    this.session.write(data);
  }

  /** Resizes the terminal. */
  resize(size: TermSize): void {
    this.session.resize(size.cols, size.rows);
  }

  /** The owner has written `bytes` more bytes. */
  ack(bytes: number): void {
    this.channel.ack(bytes);
  }

  /** `client` takes the run over: it gets the log so far (its last 2 MiB) and every byte after it as events. */
  async attach(client: string): Promise<{ log: string; truncated: boolean }> {
    this.ownerClient = client;
    const upTo = this.logFile.bytes; // everything shown so far is in the log; the rest comes as events
    this.channel.attach((data) => this.deps.emit('terminalData', { runId: this.current.id, data }, this.ownerClient));
    await this.logFile.waitFor(upTo);
    this.lastVersion = -1;
    this.progressSoon();
    return readLogTail(runPaths(this.deps.stateDir, this.current.id).log, upTo);
  }

  /** Stops the program (interrupt, then terminate, then kill) and resolves with the final summary. */
  async stop(): Promise<RunSummary> {
    void this.session.stop(this.deps.grace);
    return this.finished;
  }

  /** Ends the program at once (Gentry is closing). */
  kill(): void {
    this.session.kill();
  }

  private pause(why: 'owner' | 'log'): void {
    this.pauses.add(why);
    this.session?.pause();
  }

  private resume(why: 'owner' | 'log'): void {
    this.pauses.delete(why);
    if (this.pauses.size === 0) this.session?.resume();
  }

  private show(text: string): void {
    if (text === '') return;
    this.logFile.append(text);
    this.channel.push(text);
  }

  private progressSoon(): void {
    if (this.progressTimer !== null || this.parser.version === this.lastVersion) return;
    const interval = this.deps.progressIntervalMs ?? 100;
    const wait = Math.max(0, this.lastProgressAt + interval - Date.now());
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      this.sendProgress();
    }, wait);
  }

  private sendProgress(): void {
    this.lastProgressAt = Date.now();
    this.lastVersion = this.parser.version;
    this.deps.emit('runProgress', { runId: this.current.id, progress: this.parser.progress() }, this.ownerClient);
  }

  private async end(plan: RecipePlan, exit: PtyExit, helperResult: Record<string, unknown> | null, generationBefore: number | null): Promise<RunSummary> {
    this.show(this.parser.end());
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
    const progress = this.parser.progress();
    const state: RunSummary['state'] = exit.stoppedWith !== null ? 'stopped' : exit.exitCode === 0 && exit.signal === null ? 'succeeded' : 'failed';
    let how = exit.signal !== null ? `ended by signal ${exit.signal}` : `exit code ${exit.exitCode}`;
    if (plan.helperProtocol && exit.signal === null) {
      const said = describeExit(this.deps.helper, exit.exitCode, helperResult, '');
      if (state === 'failed' && progress.errors.length === 0) progress.errors.push(said.message);
      if (exit.exitCode !== 0) how = `${how}: ${said.message}`;
    }
    const word = state === 'succeeded' ? `${GREEN}finished` : state === 'stopped' ? `${RED}stopped` : `${RED}failed`;
    this.show(`\r\n${DIM}[${RESET}${word}${RESET}${DIM}, ${how}]${RESET}\r\n`);
    this.channel.close();
    await this.logFile.close();
    if (plan.writeFirst) await rm(plan.writeFirst.path, { force: true }); // Nix has its derivations; the file is done
    if (this.logFile.error) this.deps.log.warn(`the log of run ${this.current.id} is incomplete: ${this.logFile.error.message}`);
    let generation: RunSummary['generation'] = null;
    if (state === 'succeeded' && plan.watch) generation = await newGeneration(plan.watch, generationBefore);
    this.current = {
      ...this.current,
      ended: isoSeconds(new Date()),
      exitCode: exit.signal === null ? exit.exitCode : null,
      state,
      progress: { ...progress, active: [], builds: { ...progress.builds, running: 0 }, realised: this.parser.realised() },
      generation,
      logBytes: this.logFile.bytes,
    };
    try {
      await writeSummary(this.deps.stateDir, this.current, this.deps.process);
    } catch (err) {
      this.deps.log.error(`cannot record the end of run ${this.current.id}: ${(err as Error).message}`);
    }
    this.deps.emit('runProgress', { runId: this.current.id, progress: this.current.progress }, this.ownerClient);
    this.deps.emit('runFinished', { run: this.current });
    if (generation) this.deps.emit('profilesChanged', { reason: `run ${this.current.id} made ${generation.name} generation ${generation.number}` });
    return this.current;
  }
}
