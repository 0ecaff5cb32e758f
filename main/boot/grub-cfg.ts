// grub.cfg as a menu: the part of GRUB's script language NixOS's install-grub.pl writes (nix-formats.md
// §4): quoted words, `;` and newlines between commands, `menuentry`/`submenu` blocks, `function`
// blocks, `if … then … else … fi`, and the `set default=` / `set timeout=` that decide the next boot.
// Nothing is expanded: `set default="${saved_entry}"` is read as the text `${saved_entry}`.
import { escapeTitle, splitMenuPath } from '../../common/grub-menu-path.ts';

/** One word of a command, after quote removal; `quoted` when any part of it was quoted. */
interface Word {
  text: string;
  quoted: boolean;
}

/** A menu entry or a submenu, in menu order. */
export interface GrubMenuItem {
  kind: 'entry' | 'submenu';
  title: string;
  /** The `--id` given to menuentry/submenu, or null. */
  id: string | null;
  /** Submenu: its items. Entry: empty. */
  items: GrubMenuItem[];
  /** Entry: the commands of its body, as words (`["linux", "/kernels/x", "init=…"]`). */
  commands: string[][];
}

/** What grub.cfg says. */
export interface GrubConfig {
  items: GrubMenuItem[];
  /** The value of the `set default=` that applies on a normal boot (not the next_entry branch); null when none. */
  default: string | null;
  /** Likewise `set timeout=`. */
  timeout: string | null;
  /** True when the file loads grubenv (`load_env`), so saved_entry and next_entry can take effect. */
  loadsEnv: boolean;
  /** True when the file has NixOS's (and grub-mkconfig's) `if [ "${next_entry}" ]` block, so next_entry is honoured. */
  honoursNextEntry: boolean;
}

/** Splits the script into commands of words (comments dropped, `;` and newlines end a command). */
export function tokenize(text: string): Word[][] {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let word: Word | null = null;
  const endWord = () => {
    if (word) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  const add = (s: string, quoted: boolean) => {
    word ??= { text: '', quoted: false };
    word.text += s;
    if (quoted) word.quoted = true;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === ';') {
      endCommand();
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      i++;
    } else if (ch === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '\\') {
      if (text[i + 1] === '\n') i += 2; // a line continuation
      else {
        add(text[i + 1] ?? '', true);
        i += 2;
      }
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      add(text.slice(i + 1, stop), true);
      i = stop + 1;
    } else if (ch === '"') {
      i++;
      let s = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length && '$"\\\n'.includes(text[i + 1] as string)) {
          if (text[i + 1] !== '\n') s += text[i + 1];
          i += 2;
        } else {
          s += text[i];
          i++;
        }
      }
      add(s, true);
      i++;
    } else {
      add(ch, false);
      i++;
    }
  }
  endCommand();
  // `menuentry "x" { linux …` on one line: the body starts after the `{` word.
  const out: Word[][] = [];
  for (const cmd of commands) {
    const open = cmd.findIndex((w, k) => k > 0 && !w.quoted && w.text === '{');
    if (open >= 0 && open < cmd.length - 1) {
      out.push(cmd.slice(0, open + 1), cmd.slice(open + 1));
    } else out.push(cmd);
  }
  return out;
}

const isOpen = (cmd: Word[]) => !(cmd.at(-1)?.quoted ?? true) && cmd.at(-1)?.text === '{';
const isClose = (cmd: Word[]) => !(cmd[0]?.quoted ?? true) && cmd[0]?.text === '}';

/** The `--id` of a menuentry/submenu command (`--id X`, `--id=X`, or os-prober's `$menuentry_id_option X`). */
function optionId(cmd: Word[]): string | null {
  for (let k = 2; k < cmd.length; k++) {
    const w = cmd[k] as Word;
    if (w.text.startsWith('--id=')) return w.text.slice(5);
    if ((w.text === '--id' || w.text === '$menuentry_id_option' || w.text === '${menuentry_id_option}') && k + 1 < cmd.length) return (cmd[k + 1] as Word).text;
  }
  return null;
}

/** `set NAME=VALUE` or `NAME=VALUE`: the pair, or null. */
function assignment(cmd: Word[]): [string, string] | null {
  const words = cmd[0]?.text === 'set' && !cmd[0].quoted ? cmd.slice(1) : cmd;
  if (words.length !== 1) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec((words[0] as Word).text);
  return m ? [m[1] as string, m[2] as string] : null;
}

/** Parses grub.cfg into its menu and the settings that decide the next boot. */
export function parseGrubCfg(text: string): GrubConfig {
  const commands = tokenize(text);
  const config: GrubConfig = { items: [], default: null, timeout: null, loadsEnv: false, honoursNextEntry: false };
  let i = 0;

  /** Skips a `{ … }` body whose opening command was just consumed; returns its inner commands. */
  const body = (): Word[][] => {
    const inner: Word[][] = [];
    let depth = 1;
    while (i < commands.length) {
      const cmd = commands[i++] as Word[];
      if (isClose(cmd)) {
        depth--;
        if (depth === 0) return inner;
      } else if (isOpen(cmd)) depth++;
      inner.push(cmd);
    }
    return inner;
  };

  /** Reads commands until `}` (in a submenu) or the end, filling `items`; `ifs` is the stack of open `if` branches. */
  const block = (items: GrubMenuItem[], topLevel: boolean): void => {
    const ifs: { nextEntry: boolean; branch: 'then' | 'else' }[] = [];
    while (i < commands.length) {
      const cmd = commands[i] as Word[];
      const head = cmd[0]?.quoted ? '' : (cmd[0]?.text ?? '');
      if (isClose(cmd)) {
        i++;
        if (!topLevel) return;
        continue;
      }
      i++;
      if ((head === 'menuentry' || head === 'submenu') && isOpen(cmd) && cmd.length >= 3) {
        const title = (cmd[1] as Word).text;
        if (head === 'menuentry') {
          items.push({ kind: 'entry', title, id: optionId(cmd), items: [], commands: body().map((c) => c.map((w) => w.text)) });
        } else {
          const sub: GrubMenuItem = { kind: 'submenu', title, id: optionId(cmd), items: [], commands: [] };
          items.push(sub);
          block(sub.items, false);
        }
        continue;
      }
      if (isOpen(cmd)) {
        body(); // function NAME { … } and anything else with a body
        continue;
      }
      if (head === 'if' || head === 'elif') {
        const condition = cmd.map((w) => w.text).join(' ');
        if (head === 'elif') ifs.pop();
        ifs.push({ nextEntry: /next_entry/.test(condition), branch: 'then' });
        continue;
      }
      if (head === 'then') continue;
      if (head === 'else') {
        const top = ifs.at(-1);
        if (top) top.branch = 'else';
        continue;
      }
      if (head === 'fi') {
        ifs.pop();
        continue;
      }
      if (head === 'load_env') config.loadsEnv = true;
      if (ifs.some((f) => f.nextEntry && f.branch === 'then')) {
        if (cmd.some((w) => /next_entry/.test(w.text))) config.honoursNextEntry = true;
        continue; // what happens only on a grub-reboot boot
      }
      if (!topLevel) continue;
      const set = assignment(cmd);
      if (set?.[0] === 'default') config.default = set[1];
      if (set?.[0] === 'timeout') config.timeout = set[1];
    }
  };
  block(config.items, true);
  return config;
}

/** Menu paths are the contract's entry IDs: their rules live in common/. */
export { escapeTitle, splitMenuPath };

/** An entry with its menu path, as GRUB's saved_entry and next_entry name it. */
export interface GrubEntryRef {
  /** `Title` at the top level, `Submenu title>Entry title` inside a submenu (`>` in a title doubled). */
  path: string;
  /** The titles from the top level down. */
  titles: string[];
  /** The index path (`1>0`), which GRUB also accepts. */
  indexPath: string;
  item: GrubMenuItem;
}

/** Every entry (not submenu) in menu order, depth first. */
export function menuEntries(items: GrubMenuItem[], parents: string[] = [], indexes: number[] = []): GrubEntryRef[] {
  const out: GrubEntryRef[] = [];
  items.forEach((item, k) => {
    const titles = [...parents, item.title];
    if (item.kind === 'entry') out.push({ path: titles.map(escapeTitle).join('>'), titles, indexPath: [...indexes, k].join('>'), item });
    else out.push(...menuEntries(item.items, titles, [...indexes, k]));
  });
  return out;
}

/**
 * What a `default`/`saved_entry`/`next_entry` value points at, the way GRUB looks it up at each level:
 * by `--id`, then by title, then by number. `null` when it names nothing.
 */
export function resolveMenuPath(items: GrubMenuItem[], value: string): { kind: 'entry'; path: string } | { kind: 'submenu'; path: string } | null {
  let level = items;
  const titles: string[] = [];
  const parts = splitMenuPath(value.trim());
  for (const [k, part] of parts.entries()) {
    const byNumber = /^[0-9]+$/.test(part) ? level[Number(part)] : undefined;
    const item = level.find((x) => x.id !== null && x.id === part) ?? level.find((x) => x.title === part) ?? byNumber;
    if (!item) return null;
    titles.push(item.title);
    const path = titles.map(escapeTitle).join('>');
    if (item.kind === 'entry') return k === parts.length - 1 ? { kind: 'entry', path } : null;
    if (k === parts.length - 1) return { kind: 'submenu', path };
    level = item.items;
  }
  return null;
}
