// Absolute dates for generations: parsing the contract's ISO 8601 strings and printing local time.

/** Parses a generation's ISO 8601 date into epoch milliseconds, or null when it is not a date. */
export function parseGenerationDate(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZoneName: 'short', timeZone,
    });
    formatters.set(key, found);
  }
  return found;
}

/** Prints an instant as "2025-06-15 14:03:22 CEST" in the given time zone (the machine's own by default). */
export function formatAbsolute(ms: number, timeZone?: string): string {
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) parts[part.type] = part.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}:${parts.second}`;
  return parts.timeZoneName ? `${date} ${time} ${parts.timeZoneName}` : `${date} ${time}`;
}
