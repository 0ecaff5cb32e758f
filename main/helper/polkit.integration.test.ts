// The polkit policy for real: Debian's pkexec, polkitd and the system bus, the real helper binary at
// the path the installed policy names, a test user, rules in /etc/polkit-1/rules.d. Proves, through
// pkexec itself, that each verb (argv1) selects its own action and nothing else, that a refused call
// runs nothing (exit 127, no JSON), and, with a real password typed into a real tty agent, that
// boot's auth_admin_keep is kept while boot-entry and the other verbs (auth_admin) ask every time.
//
// Needs root (it installs into /usr and /etc and creates a user) and the packages pkexec, polkitd
// and dbus (`.ci/run` installs them). A missing prerequisite fails with what to install; nothing
// is skipped. Everything it installs, and every daemon it starts, is removed in afterAll.
//
// The helper goes to /usr/libexec/gentry-helper, the path the deb uses (packaging substitutes it for
// the template's NixOS path, /run/current-system/sw/libexec/gentry-helper, the same way): creating
// /run/current-system on this Debian machine would make other code think it runs on NixOS.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NodePty from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoot } from '../app-root.ts';
import { buildHelperBinary } from './helper-binary.ts';

const HELPER = '/usr/libexec/gentry-helper';
const POLICY = '/usr/share/polkit-1/actions/org.gentry.helper.policy';
const RULES = '/etc/polkit-1/rules.d/00-gentry-polkit-test.rules';
const TEMPLATE = join(appRoot(), 'native-helpers/polkit/org.gentry.helper.policy');
const TEMPLATE_PATH = '/run/current-system/sw/libexec/gentry-helper';
const POLKITD = '/usr/lib/polkit-1/polkitd';
const PATH = '/usr/sbin:/usr/bin:/sbin:/bin';
const USER = `gentrypk${process.pid}`;
const PASSWORD = `Pw-${randomBytes(12).toString('hex')}`;

/** Each verb, its action, arguments that change nothing on any machine, and the helper's exit code for them here. */
const VERBS = [
  // No profile has this name: Profile::open fails (4) before anything is touched.
  { verb: 'switch', action: 'org.gentry.helper.switch', args: ['--profile', 'gentry-polkit-probe', '--generation', '1', '--mode', 'test'], exit: 4 },
  { verb: 'delete-generations', action: 'org.gentry.helper.delete-generations', args: ['--profile', 'gentry-polkit-probe', '--generation', '1'], exit: 4 },
  // A usage error (the flag twice), so the matrix never takes the GC lock; the root proof below runs a real dry run.
  { verb: 'collect-garbage', action: 'org.gentry.helper.collect-garbage', args: ['--dry-run', '--dry-run'], exit: 2 },
  // Out of range: a usage error from the helper itself, after pkexec let it run.
  { verb: 'boot', action: 'org.gentry.helper.boot', args: ['set-timeout', '65536'], exit: 2 },
  // An entry that exists nowhere: no ESP here (4), or "no entry" (3) on a machine with one.
  { verb: 'boot-entry', action: 'org.gentry.helper.boot-entry', args: ['remove', 'gentry-polkit-probe.conf'], exit: [3, 4] },
  // Not a flake reference Gentry accepts: a usage error, nothing is built.
  { verb: 'rebuild', action: 'org.gentry.helper.rebuild', args: ['--mode', 'build', '--flake', '-gentry-polkit-probe'], exit: 2 },
] as const;

const cleanups: (() => void)[] = [];
let sleeper: ChildProcess | undefined;

const run = (cmd: string, args: string[], input?: string) => spawnSync(cmd, args, { encoding: 'utf8', input, env: { PATH }, timeout: 60_000 });

/** Fails with what is missing and how to get it. */
function prerequisites(): void {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('root (this test installs a polkit policy and creates a user)');
  for (const [path, pkg] of [
    ['/usr/bin/pkexec', 'pkexec'],
    [POLKITD, 'polkitd'],
    ['/usr/bin/pkaction', 'polkitd'],
    ['/usr/bin/pkcheck', 'polkitd'],
    ['/usr/bin/pkttyagent', 'polkitd'],
    ['/usr/bin/dbus-daemon', 'dbus-daemon'],
    ['/usr/bin/dbus-send', 'dbus-bin'],
    ['/usr/bin/setpriv', 'util-linux'],
    ['/usr/sbin/useradd', 'passwd'],
    ['/usr/sbin/chpasswd', 'passwd'],
  ] as const) {
    if (!existsSync(path)) missing.push(`${path} (apt-get install ${pkg})`);
  }
  if (missing.length) throw new Error(`The polkit integration test cannot run without: ${missing.join('; ')}. .ci/run installs the packages.`);
  for (const path of [HELPER, POLICY, RULES]) {
    if (existsSync(path)) throw new Error(`${path} exists already; this test installs its own there and would replace it. Remove it (or run the test on a scratch machine).`);
  }
}

/** True when the system bus answers. */
const busAnswers = () => run('dbus-send', ['--system', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetId']).status === 0;
/** True when polkitd owns its name on the system bus. */
const polkitOnBus = () =>
  /boolean true/.test(run('dbus-send', ['--system', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.PolicyKit1']).stdout);

/** Polls `ready` until it holds or `what` has not happened within the deadline (a readiness check, not a fixed sleep). */
async function until(what: string, ready: () => boolean, deadlineMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!ready()) {
    if (Date.now() - start > deadlineMs) throw new Error(`${what} did not happen within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The system bus: the running one, or a dbus-daemon this test starts (and stops). */
function ensureBus(): void {
  if (busAnswers()) return;
  mkdirSync('/run/dbus', { recursive: true });
  const r = run('dbus-daemon', ['--system', '--fork', '--print-pid']);
  if (r.status !== 0) throw new Error(`dbus-daemon --system --fork failed: ${r.stderr}`);
  const pid = Number(r.stdout.trim());
  cleanups.push(() => {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync('/run/dbus/pid', { force: true });
    rmSync('/run/dbus/system_bus_socket', { force: true });
  });
  if (!busAnswers()) throw new Error('dbus-daemon started but the system bus does not answer');
}

/** polkitd: the running one, or one this test starts (and stops). */
async function ensurePolkitd(): Promise<void> {
  if (polkitOnBus()) return;
  const daemon = spawn(POLKITD, ['--no-debug'], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH } });
  let stderr = '';
  daemon.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  cleanups.push(() => {
    daemon.kill('SIGTERM');
  });
  await until(`polkitd taking org.freedesktop.PolicyKit1 on the system bus (its stderr: ${stderr})`, () => polkitOnBus() || daemon.exitCode !== null);
  if (daemon.exitCode !== null) throw new Error(`polkitd exited ${daemon.exitCode}: ${stderr}`);
}

/** The policy as installed: the template with the deb's helper path; `sessionless` also gives allow_any each action's allow_active. */
function installedPolicy(sessionless: boolean): string {
  let text = readFileSync(TEMPLATE, 'utf8').replaceAll(TEMPLATE_PATH, HELPER);
  if (sessionless) text = text.replace(/<allow_any>no<\/allow_any>(\s*<allow_inactive>no<\/allow_inactive>\s*<allow_active>(\w+)<\/allow_active>)/g, '<allow_any>$2</allow_any>$1');
  return text;
}

/** `pkaction --verbose` for one action: its implicit authorisations as polkitd read them. */
function implicit(action: string): { any: string; inactive: string; active: string } {
  const out = run('pkaction', ['--verbose', '--action-id', action]).stdout;
  const get = (key: string) => new RegExp(`implicit ${key}:\\s+(\\S+)`).exec(out)?.[1] ?? '(missing)';
  return { any: get('any'), inactive: get('inactive'), active: get('active') };
}

/** pkcheck's exit code for the test user's long-lived process: 0 authorised, 1 not, 2 a challenge would be needed. */
function pkcheck(action: string): { status: number | null; stdout: string } {
  const r = run('pkcheck', ['--action-id', action, '--process', String(sleeper?.pid)]);
  return { status: r.status, stdout: r.stdout };
}

/** Writes the rules file that answers YES for `action` to the test user only, and waits until polkitd applies it. */
async function allowOnly(action: string | null): Promise<void> {
  if (action === null) rmSync(RULES, { force: true });
  else {
    writeFileSync(RULES, `// gentry polkit integration test; removed when the test ends\npolkit.addRule(function (action, subject) {\n  if (subject.user == ${JSON.stringify(USER)} && action.id == ${JSON.stringify(action)}) return polkit.Result.YES;\n});\n`);
    chmodSync(RULES, 0o644);
  }
  await until(`polkitd applying the rules for ${action ?? 'nothing'}`, () => VERBS.every((v) => (pkcheck(v.action).status === 0) === (v.action === action)));
}

/** `pkexec ARGV` as the test user, no terminal: exit status and output. */
function pkexecAsUser(argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('setpriv', [`--reuid=${USER}`, `--regid=${USER}`, '--init-groups', '--', 'pkexec', ...argv], { encoding: 'utf8', cwd: '/', env: { PATH }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The one JSON result line the helper printed, or undefined when it printed none (it did not run). */
function resultOf(stdout: string): Record<string, unknown> | undefined {
  const results = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'result');
  expect(results.length).toBeLessThanOrEqual(1);
  return results[0];
}

/** A result line in one line: verb, exit code, kind and the first line of the error. */
function brief(result: Record<string, unknown> | undefined): string {
  if (!result) return 'no helper output';
  const error = typeof result.error === 'string' ? `, ${JSON.stringify(result.error.split('\n')[0])}` : '';
  return `{verb: ${String(result.verb)}, exitCode: ${String(result.exitCode)}, ${result.ok ? 'ok' : String(result.kind)}${error}}`;
}

const transcript: string[] = [];
const note = (line: string) => {
  transcript.push(line);
};

beforeAll(async () => {
  prerequisites();
  const built = buildHelperBinary();
  ensureBus();
  await ensurePolkitd();
  copyFileSync(built, HELPER);
  cleanups.push(() => rmSync(HELPER, { force: true }));
  chmodSync(HELPER, 0o755);
  writeFileSync(POLICY, installedPolicy(false));
  cleanups.push(() => rmSync(POLICY, { force: true }));
  cleanups.push(() => rmSync(RULES, { force: true }));
  await until('polkitd reading the installed policy', () => VERBS.every((v) => implicit(v.action).active !== '(missing)'));
  const added = run('useradd', ['--no-create-home', '--shell', '/bin/sh', '--groups', 'sudo', USER]);
  if (added.status !== 0) throw new Error(`useradd ${USER} failed: ${added.stderr}`);
  cleanups.push(() => {
    run('userdel', [USER]);
  });
  const passwd = run('chpasswd', [], `${USER}:${PASSWORD}\n`);
  if (passwd.status !== 0) throw new Error(`chpasswd failed: ${passwd.stderr}`);
  // A long-lived process of the test user: the subject pkcheck asks about.
  sleeper = spawn('setpriv', [`--reuid=${USER}`, `--regid=${USER}`, '--init-groups', '--', 'sleep', '600'], { stdio: 'ignore', env: { PATH } });
  cleanups.push(() => sleeper?.kill('SIGKILL'));
}, 240_000);

afterAll(() => {
  const errors: string[] = [];
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch (error) {
      errors.push(String(error));
    }
  }
  if (transcript.length) process.stderr.write(`pkexec transcript:\n${transcript.join('\n')}\n`);
  expect(errors).toEqual([]);
  for (const path of [HELPER, POLICY, RULES]) expect(existsSync(path), path).toBe(false);
  expect(run('id', [USER]).status, `user ${USER} removed`).not.toBe(0);
});

describe('the installed policy', () => {
  it('polkitd reads one action per verb with the defaults of the template (boot alone keeps its authorisation)', () => {
    for (const { action, verb } of VERBS) {
      expect(implicit(action), action).toEqual({ any: 'no', inactive: 'no', active: verb === 'boot' ? 'auth_admin_keep' : 'auth_admin' });
    }
  });
});

describe('argv1 selects the action, through real pkexec', () => {
  it.each(VERBS.map((v) => [v.verb, v] as const))('a rule allowing only the action of %s lets exactly that verb run the helper as root', async (_name, allowed) => {
    await allowOnly(allowed.action);
    const ran = pkexecAsUser([HELPER, allowed.verb, ...allowed.args]);
    const result = resultOf(ran.stdout);
    note(`$ pkexec ${HELPER} ${allowed.verb} ${allowed.args.join(' ')}   # rule: YES for ${allowed.action}\n  exit ${ran.status}; ${brief(result)}`);
    expect(result, ran.stderr).toMatchObject({ event: 'result', verb: allowed.verb });
    expect([allowed.exit].flat()).toContain(ran.status);
    for (const other of VERBS.filter((v) => v !== allowed)) {
      const refused = pkexecAsUser([HELPER, other.verb, ...other.args]);
      expect(refused.status, `${other.verb} ran under the rule for ${allowed.action}: ${refused.stdout}`).toBe(127);
      expect(refused.stdout).toBe('');
      if (other.verb === 'boot-entry' || allowed.verb === 'boot') note(`$ pkexec ${HELPER} ${other.verb} ${other.args.join(' ')}   # rule: YES for ${allowed.action}\n  exit ${refused.status}; stdout empty; ${refused.stderr.trim().split('\n')[0]}`);
    }
  }, 120_000);

  it('runs the helper as root: collect-garbage --dry-run answers through pkexec, and fails as the test user without it', async () => {
    await allowOnly('org.gentry.helper.collect-garbage');
    const ran = pkexecAsUser([HELPER, 'collect-garbage', '--dry-run']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(resultOf(ran.stdout)).toMatchObject({ ok: true, verb: 'collect-garbage', dryRun: true, deadPaths: expect.any(Number) });
    note(`$ pkexec ${HELPER} collect-garbage --dry-run   # rule: YES for org.gentry.helper.collect-garbage\n  exit 0; ${brief(resultOf(ran.stdout))}`);
    const direct = spawnSync('setpriv', [`--reuid=${USER}`, `--regid=${USER}`, '--init-groups', '--', HELPER, 'collect-garbage', '--dry-run'], { encoding: 'utf8', cwd: '/', env: { PATH } });
    expect(direct.status).toBe(4);
    expect(resultOf(direct.stdout)).toMatchObject({ ok: false, verb: 'collect-garbage', error: expect.stringMatching(/nix-store --gc --print-dead exited/) });
    note(`$ ${HELPER} collect-garbage --dry-run   # as ${USER}, no pkexec\n  exit ${direct.status}; ${brief(resultOf(direct.stdout))}`);
  }, 120_000);

  it('an entry file cannot ride on the boot action, and other spellings get pkexec\'s generic action', async () => {
    await allowOnly('org.gentry.helper.boot');
    const entry = pkexecAsUser([HELPER, 'boot', 'write-entry', 'gentry-polkit-probe.conf']);
    expect(entry.status).toBe(2); // the helper ran (boot's action) and refused: entry files are boot-entry's
    expect(resultOf(entry.stdout)).toMatchObject({ ok: false, verb: 'boot', kind: 'usage', error: expect.stringContaining('boot-entry write') });
    note(`$ pkexec ${HELPER} boot write-entry gentry-polkit-probe.conf   # rule: YES for org.gentry.helper.boot\n  exit 2; ${brief(resultOf(entry.stdout))}`);
    for (const argv of [
      [HELPER, '--root', '/tmp', 'boot', 'set-timeout', '3'], // argv1 --root: no action of ours
      ['/usr/libexec/../libexec/gentry-helper', 'boot', 'set-timeout', '65536'], // pkexec compares the path as a string
      [HELPER, 'BOOT', 'set-timeout', '65536'],
    ]) {
      const refused = pkexecAsUser(argv);
      expect(refused.status, argv.join(' ')).toBe(127);
      expect(refused.stdout).toBe('');
      note(`$ pkexec ${argv.join(' ')}   # rule: YES for org.gentry.helper.boot\n  exit 127; stdout empty (pkexec's generic action)`);
    }
  }, 60_000);
});

/** One step of the password session: the verb and arguments, what to type at each prompt that comes, and the exit pkexec must end with. */
interface Step {
  verb: string;
  args: readonly string[];
  answers: ('right' | 'wrong')[];
  exit: readonly number[];
}

describe('kept authorisations, with a real password at a real tty agent', () => {
  it('boot is asked once and kept; boot-entry and every auth_admin verb ask every time, even right after a boot edit', async () => {
    await allowOnly(null);
    // This container has no logind, so the test user's processes are in no session and polkit applies
    // allow_any. This copy gives allow_any each action's allow_active, so polkitd applies the policy's
    // own auth_admin / auth_admin_keep to them, with its real retention logic.
    writeFileSync(POLICY, installedPolicy(true));
    await until('polkitd reading the sessionless copy', () => implicit('org.gentry.helper.boot').any === 'auth_admin_keep');
    expect(pkcheck('org.gentry.helper.boot')).toMatchObject({ status: 2, stdout: expect.stringContaining('retains_authorization_after_challenge=1') });
    expect(pkcheck('org.gentry.helper.boot-entry')).toEqual({ status: 2, stdout: '' });

    const steps: Step[] = [
      { verb: 'boot', args: ['set-timeout', '65536'], answers: ['right'], exit: [2] },
      { verb: 'boot', args: ['set-timeout', '65537'], answers: [], exit: [2] }, // kept: no prompt
      { verb: 'boot-entry', args: ['remove', 'gentry-polkit-probe.conf'], answers: ['right'], exit: [3, 4] }, // not on boot's kept authorisation
      { verb: 'boot-entry', args: ['remove', 'gentry-polkit-probe.conf'], answers: ['wrong'], exit: [127] }, // not kept after its own
      ...VERBS.filter((v) => v.verb !== 'boot' && v.verb !== 'boot-entry').flatMap((v) => [
        { verb: v.verb, args: v.args, answers: ['right'], exit: [v.exit].flat() } satisfies Step,
        { verb: v.verb, args: v.args, answers: ['wrong'], exit: [127] } satisfies Step,
      ]),
    ];
    const outcome = await passwordSession(steps);
    for (const [i, step] of steps.entries()) {
      const got = outcome[i];
      note(`$ pkexec ${HELPER} ${step.verb} ${step.args.join(' ')}   # prompts: ${got?.prompts.join(', ') || 'none'}; typed: ${step.answers.join(', ') || 'nothing'}\n  exit ${got?.exit}; ${brief(got?.result)}`);
      expect(got?.prompts, `step ${i + 1} (${step.verb}) prompts`).toEqual(step.answers.map(() => `org.gentry.helper.${step.verb}`));
      expect(step.exit, `step ${i + 1} (${step.verb}) exit`).toContain(got?.exit);
      if (got?.exit === 127) expect(got.result).toBeUndefined();
      else expect(got?.result).toMatchObject({ verb: step.verb });
    }
  }, 180_000);
});

/**
 * Runs `steps` one at a time in one shell of the test user (so one polkit subject), with pkttyagent
 * registered for that shell in a pseudo-terminal. Each prompt is answered only once the agent has
 * turned echo off (it flushes earlier input); each step starts only after the previous one's exit
 * code came back, so every prompt belongs to the step in progress.
 */
async function passwordSession(steps: Step[]): Promise<{ prompts: string[]; exit: number; result: Record<string, unknown> | undefined }[]> {
  const pty = createRequire(import.meta.url)('node-pty') as typeof NodePty;
  const script = steps.map((s, i) => `read go; pkexec ${HELPER} ${[s.verb, ...s.args].join(' ')}; echo "STEP${i}=$?"`).join('\n');
  const shell = spawn('setpriv', [`--reuid=${USER}`, `--regid=${USER}`, '--init-groups', '--', '/bin/sh', '-c', `cd /\n${script}`], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH } });
  const agent = pty.spawn('setpriv', [`--reuid=${USER}`, `--regid=${USER}`, '--init-groups', '--', '/bin/sh', '-c', `pkttyagent --notify-fd 5 --process ${shell.pid} 5>&1 >/dev/null | { cat >/dev/null; echo AGENT-READY; }`], { cols: 200, rows: 50, env: { PATH, TERM: 'dumb' } });
  const ptsName = (agent as unknown as { _pty: string })._pty;
  try {
    let shellOut = '';
    let agentOut = '';
    const outcome: { prompts: string[]; exit: number; result: Record<string, unknown> | undefined }[] = [];
    let step = 0;
    let answered = 0;
    let stepStart = 0; // offset into shellOut where the current step's output begins
    let failure: Error | undefined;
    const done = new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        failure = error;
        reject(error);
      };
      const echoOff = () => /(^|\s)-echo(\s|$)/.test(spawnSync('stty', ['-F', ptsName, '-a'], { encoding: 'utf8' }).stdout);
      let answering = false;
      const answerPrompts = async () => {
        if (answering || failure) return;
        answering = true;
        try {
          const prompts = agentOut.match(/==== AUTHENTICATING FOR (\S+) ====[\s\S]*?Password: /g) ?? [];
          while (answered < prompts.length) {
            const action = /AUTHENTICATING FOR (\S+)/.exec(prompts[answered] as string)?.[1] as string;
            const current = outcome[step] as { prompts: string[] };
            current.prompts.push(action);
            const planned = steps[step]?.answers[current.prompts.length - 1] ?? 'wrong'; // an unplanned prompt gets a wrong password, so the step ends and the test reports it
            await until('the agent turning echo off for the password', echoOff, 10_000);
            agent.write(`${planned === 'right' ? PASSWORD : 'not-the-password'}\r`);
            answered++;
          }
        } catch (error) {
          fail(error as Error);
        } finally {
          answering = false;
        }
      };
      const startStep = () => {
        outcome.push({ prompts: [], exit: -1, result: undefined });
        stepStart = shellOut.length;
        shell.stdin?.write('go\n');
      };
      shell.stderr?.on('data', () => {}); // the helper's human text; the JSON on stdout is what counts
      shell.stdout?.on('data', (d: Buffer) => {
        shellOut += d.toString();
        const m = new RegExp(`STEP${step}=(\\d+)\\n`).exec(shellOut.slice(stepStart));
        if (!m) return;
        const current = outcome[step] as { exit: number; result: Record<string, unknown> | undefined };
        current.exit = Number(m[1]);
        current.result = resultOf(shellOut.slice(stepStart, stepStart + m.index));
        step++;
        if (step === steps.length) resolve();
        else startStep();
      });
      shell.once('exit', (code) => {
        if (step < steps.length) fail(new Error(`the test user's shell exited (${code}) at step ${step + 1}: ${shellOut}`));
      });
      agent.onData((d) => {
        agentOut += d;
        if (outcome.length === 0 && agentOut.includes('AGENT-READY')) startStep();
        void answerPrompts();
      });
      agent.onExit(({ exitCode }) => {
        if (step < steps.length) fail(new Error(`pkttyagent exited (${exitCode}) at step ${step + 1}: ${agentOut}`));
      });
    });
    await done;
    return outcome;
  } finally {
    agent.kill();
    shell.kill('SIGKILL');
  }
}
