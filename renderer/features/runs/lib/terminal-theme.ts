// The terminal's colours, light and dark, matching theme.css (xterm needs concrete colours, not CSS variables).
import type { ITheme } from '@xterm/xterm';

const LIGHT: ITheme = {
  background: '#f6f8fa',
  foreground: '#1f2328',
  cursor: '#0969da',
  cursorAccent: '#f6f8fa',
  selectionBackground: '#b6d6fa',
  selectionInactiveBackground: '#c4d4e8',
  black: '#24292f',
  red: '#cf222e',
  green: '#116329',
  yellow: '#7d4e00',
  blue: '#0969da',
  magenta: '#8250df',
  cyan: '#1b7c83',
  white: '#6e7781',
  brightBlack: '#57606a',
  brightRed: '#a40e26',
  brightGreen: '#1a7f37',
  brightYellow: '#633c01',
  brightBlue: '#218bff',
  brightMagenta: '#a475f9',
  brightCyan: '#3192aa',
  brightWhite: '#8c959f',
};

const DARK: ITheme = {
  background: '#1b1f25',
  foreground: '#e3e6ea',
  cursor: '#5aa0ff',
  cursorAccent: '#1b1f25',
  selectionBackground: '#1f3a63',
  selectionInactiveBackground: '#34435a',
  black: '#484f58',
  red: '#ff7b72',
  green: '#3fb950',
  yellow: '#d29922',
  blue: '#58a6ff',
  magenta: '#bc8cff',
  cyan: '#39c5cf',
  white: '#b1bac4',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#56d364',
  brightYellow: '#e3b341',
  brightBlue: '#79c0ff',
  brightMagenta: '#d2a8ff',
  brightCyan: '#56d4dd',
  brightWhite: '#f0f6fc',
};

/** The terminal's theme for a light or dark page. */
export function terminalTheme(dark: boolean): ITheme {
  return dark ? DARK : LIGHT;
}

/** The font the terminal uses: the page's monospace stack. */
export const TERMINAL_FONT = 'ui-monospace, "SFMono-Regular", "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';
