// A yes/no preference kept in localStorage across visits (e.g. whether the history chart is open).

/** Reads a remembered flag; `fallback` when it was never set or storage is unavailable. */
export function readFlag(key: string, fallback: boolean): boolean {
  try {
    const value = globalThis.localStorage?.getItem(key);
    return value === 'true' ? true : value === 'false' ? false : fallback;
  } catch {
    return fallback;
  }
}

/** Remembers a flag; does nothing when storage is unavailable (private windows, file:// quirks). */
export function writeFlag(key: string, value: boolean): void {
  try {
    globalThis.localStorage?.setItem(key, String(value));
  } catch {
    // Not remembered this time; the preference still holds for this page.
  }
}
