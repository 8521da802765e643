// Montréal's day for the technician's window (ERPNext stores dates as Montréal wall dates).
// Issue 23 moves the Toronto helpers into packages/contracts; this one goes there with them.

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of the instant `ms` in Montréal, whatever the machine's zone. */
export function montrealDay(ms: number): string {
  return dayFormat.format(ms);
}

/** A calendar date moved by `days` (no time zone involved). */
export function shiftDay(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
