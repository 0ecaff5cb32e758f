// The terminal: xterm.js drawing the output the runs store hands it (the live run, or a past run's log),
// fitted to its box (the size goes to main), links that open, search (Ctrl+F), copy (selection, Ctrl+Shift+C),
// and keys typed sent to the running program.
import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { copyText } from '../../../shared/lib/copy-text.ts';
import { terminalKeyAction } from '../lib/terminal-keys.ts';
import { countMatches } from '../lib/terminal-search.ts';
import { openWithMirroredStyles } from '../lib/terminal-styles.ts';
import { TERMINAL_FONT, terminalTheme } from '../lib/terminal-theme.ts';
import { useRuns } from '../../../shared/stores/bound-stores.ts';
import { TerminalSearch, type TerminalFinder } from './terminal-search.tsx';

type Parts = { terminal: Terminal; search: SearchAddon; allowTyping: (allowed: boolean) => void };

/** Everything in the terminal's buffer as plain text, one line per row (trailing blanks trimmed). */
function bufferText(terminal: Terminal): string {
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let y = 0; y < buffer.length; y++) {
    const line = buffer.getLine(y);
    if (!line) continue;
    // A row that continues on the next (soft-wrapped) row keeps its trailing spaces: they are part of the line.
    const text = line.translateToString(!buffer.getLine(y + 1)?.isWrapped);
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
    else lines.push(text);
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

/** The terminal panel: a toolbar (`tools`, search, copy) over the xterm screen. Typing goes to the live run when `interactive`. */
export function TerminalPanel({ interactive, label, tools }: { interactive: boolean; label: string; tools?: ReactNode }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const partsRef = useRef<Parts | null>(null);
  const attach = useRuns((state) => state.attach);
  const input = useRuns((state) => state.input);
  const resize = useRuns((state) => state.resize);
  const [searchOpen, setSearchOpen] = useState(false);
  const [term, setTerm] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [copied, setCopied] = useState<'selection' | 'all' | 'refused' | null>(null);

  const copy = useCallback(async (what: 'selection' | 'all') => {
    const terminal = partsRef.current?.terminal;
    if (!terminal) return;
    const text = what === 'selection' ? terminal.getSelection() : bufferText(terminal);
    if (text === '') return;
    setCopied((await copyText(text)) ? what : 'refused');
  }, []);

  /** Reads whether the terminal holds a selection now (see `find` for why the event alone does not do). */
  const syncSelection = useCallback(() => setHasSelection(partsRef.current?.terminal.hasSelection() ?? false), []);

  const termRef = useRef(term);
  useEffect(() => {
    termRef.current = term;
  }, [term]);
  const searchOpenRef = useRef(searchOpen);
  useEffect(() => {
    searchOpenRef.current = searchOpen;
  }, [searchOpen]);

  const finder = useMemo((): TerminalFinder => {
    const findAndSelect = (text: string, backwards: boolean, incremental: boolean): boolean => {
      const search = partsRef.current?.search;
      if (!search) return false;
      // No match decorations: xterm paints them through style attributes, which the page's CSP refuses.
      const options = { caseSensitive: false, incremental };
      if (backwards ? search.findPrevious(text, options) : search.findNext(text, options)) return true;
      // The addon loses a lone match whose selection ends on a soft-wrapped row (it searches on from that
      // row and does not wrap back into it): when the output does hold the term, search again from the top.
      const terminal = partsRef.current?.terminal;
      if (!terminal || countMatches(bufferText(terminal), text) === 0) return false;
      terminal.clearSelection();
      return search.findNext(text, { caseSensitive: false, incremental: false });
    };
    return {
      find: (text, backwards, incremental) => {
        const found = findAndSelect(text, backwards, incremental);
        // xterm's onSelectionChange is not enough: after a clearSelection, selecting the same cells again
        // (the lone match found anew) fires no event, and "Copy selection" would read "Copy output".
        syncSelection();
        return found;
      },
      clear: () => partsRef.current?.terminal.clearSelection(),
      count: (text) => {
        const terminal = partsRef.current?.terminal;
        return terminal ? countMatches(bufferText(terminal), text) : 0;
      },
    };
  }, [syncSelection]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    const terminal = new Terminal({
      theme: terminalTheme(dark),
      fontFamily: TERMINAL_FONT,
      fontSize: 12,
      lineHeight: 1.15,
      scrollback: 20_000,
      cursorInactiveStyle: 'none',
      disableStdin: true,
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    terminal.loadAddon(fit);
    terminal.loadAddon(search);
    terminal.loadAddon(new WebLinksAddon((event, uri) => {
      event.preventDefault();
      window.open(uri, '_blank', 'noopener,noreferrer');
    }));
    // The page's CSP refuses xterm's own <style> elements: open it with them copied into allowed style sheets.
    const stopStyles = openWithMirroredStyles(() => terminal.open(host), () => host.querySelector<HTMLElement>('.xterm-screen'));
    partsRef.current = {
      terminal,
      search,
      allowTyping: (allowed) => {
        terminal.options.disableStdin = !allowed;
      },
    };

    terminal.attachCustomKeyEventHandler((event) => {
      const action = terminalKeyAction(event);
      if (action === null) return true;
      if (event.type === 'keydown') {
        event.preventDefault();
        if (action === 'copy') void copy('selection');
        else if (action === 'search' || termRef.current === '') setSearchOpen(true);
        else {
          finder.find(termRef.current, action === 'search-previous', false);
          setCount(finder.count(termRef.current));
        }
      }
      return false;
    });
    const subscriptions = [
      terminal.onData((data) => input(data)),
      terminal.onResize(({ cols, rows }) => {
        host.dataset.rows = String(rows);
        resize(cols, rows);
      }),
      terminal.onSelectionChange(() => setHasSelection(terminal.hasSelection())),
    ];

    // xterm clears the selection whenever the row count changes (xterm.js#5300), and the box changes height
    // at moments the person does not choose: the search box opening above it, the toolbar re-wrapping when
    // "Copy output" becomes "Copy selection". A fit that lands just after a search selected its match
    // would drop that match (the lost lone match of the runs spec): keep the selection across the fit.
    const fitKeepingSelection = (): void => {
      const before = terminal.getSelectionPosition();
      const cols = terminal.cols;
      fit.fit();
      if (!before || terminal.hasSelection()) return;
      if (terminal.cols === cols) {
        // Only the row count changed: the buffer did not reflow, so the same cells hold the same text.
        terminal.select(before.start.x, before.start.y, (before.end.y - before.start.y) * cols + before.end.x - before.start.x);
        syncSelection(); // the same cells again: xterm fires no selection event (see `find`)
      } else if (searchOpenRef.current && termRef.current !== '') {
        // The rows reflowed: find the term again rather than select cells that now hold other text.
        finder.find(termRef.current, false, false);
      }
    };
    let frame = 0;
    const refit = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (host.clientWidth > 0 && host.clientHeight > 0) fitKeepingSelection();
      });
    };
    const observer = new ResizeObserver(refit);
    observer.observe(host);
    if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
    host.dataset.rows = String(terminal.rows);
    resize(terminal.cols, terminal.rows);
    const detach = attach({
      write: (data, drawn) => terminal.write(data, drawn),
      reset: () => terminal.reset(),
    });
    host.dataset.ready = 'true';

    return () => {
      delete host.dataset.ready;
      cancelAnimationFrame(frame);
      observer.disconnect();
      detach();
      for (const subscription of subscriptions) subscription.dispose();
      stopStyles();
      partsRef.current = null;
      terminal.dispose();
    };
  }, [attach, input, resize, copy, finder, syncSelection]);

  useEffect(() => {
    partsRef.current?.allowTyping(interactive);
  }, [interactive]);

  useEffect(() => {
    if (copied === null) return;
    const timer = setTimeout(() => setCopied(null), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  function closeSearch(): void {
    setSearchOpen(false);
    setCount(null);
    partsRef.current?.terminal.focus();
  }

  return (
    <section
      className="terminal-panel"
      aria-label={label}
      onKeyDown={(event) => {
        // Ctrl+F anywhere in the panel (the toolbar too) opens the search box.
        if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
          event.preventDefault();
          setSearchOpen(true);
        }
      }}
    >
      <div className="terminal-toolbar">
        {tools}
        <span className="terminal-toolbar-spacer" />
        {copied && (
          <span className="terminal-copied muted" role="status" data-testid="terminal-copied">
            {copied === 'refused' ? 'The browser refused to copy; select and use Ctrl+Shift+C' : copied === 'all' ? 'Output copied' : 'Selection copied'}
          </span>
        )}
        <button
          type="button"
          className="button button-small"
          title={hasSelection ? 'Copies the selected text (Ctrl+Shift+C)' : 'Copies the whole output as plain text; select some first to copy only that'}
          data-testid="terminal-copy"
          onClick={() => void copy(hasSelection ? 'selection' : 'all')}
        >
          {hasSelection ? 'Copy selection' : 'Copy output'}
        </button>
        <button
          type="button"
          className="button button-small"
          title="Find in the output (Ctrl+F)"
          aria-pressed={searchOpen}
          data-testid="terminal-search-toggle"
          onClick={() => (searchOpen ? closeSearch() : setSearchOpen(true))}
        >
          Find
        </button>
      </div>
      {searchOpen && (
        <TerminalSearch
          finder={finder}
          term={term}
          count={count}
          onTerm={setTerm}
          onCount={setCount}
          onClose={closeSearch}
        />
      )}
      <div ref={hostRef} className="terminal-host" data-testid="terminal-screen" data-interactive={interactive} />
    </section>
  );
}
