/**
 * Calendar days and hours as they are in the Netherlands, whatever the zone of the machine: a
 * precondition is due on a Dutch day, the digest goes out at seven in the morning Dutch time.
 * Pure: the moment is always an argument.
 */
const timeZone = 'Europe/Amsterdam';

const numeric = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
});

function partsOf(moment: Date): Record<string, string> {
  return Object.fromEntries(numeric.formatToParts(moment).map((p) => [p.type, p.value]));
}

/** The Amsterdam calendar date of a moment: `2026-04-14`. */
export function amsterdamDate(moment: Date): string {
  const p = partsOf(moment);
  return `${p['year']}-${p['month']}-${p['day']}`;
}

/** The Amsterdam hour of a moment, 0 to 23. */
export function amsterdamHour(moment: Date): number {
  return Number(partsOf(moment)['hour']) % 24;
}

/** A calendar date moved by whole days: `addDays('2026-03-30', 3)` → `2026-04-02`. */
export function addDays(isoDate: string, days: number): string {
  const at = Date.parse(`${isoDate}T12:00:00Z`) + days * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}
