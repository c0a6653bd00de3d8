// Dates and instants as the clinic reads them. Dates are calendar dates (`YYYY-MM-DD`); instants are
// seconds since the epoch.

const kIsoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years between a birth date and a day, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, day: string): number | null {
  const birth = kIsoDate.exec(birthDate);
  const on = kIsoDate.exec(day);
  if (!birth || !on) return null;
  const [by, bm, bd] = birth.slice(1).map(Number) as [number, number, number];
  const [y, m, d] = on.slice(1).map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Today's date on this device, `YYYY-MM-DD`; only for defaults, the server decides the clinic's day. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function addDays(day: string, days: number): string {
  const match = kIsoDate.exec(day);
  if (!match) throw new Error(`not a date: ${day}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}

const kMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-21` → `21 Nov 2026`, unambiguous in every locale. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '';
  const match = kIsoDate.exec(day);
  if (!match) return day;
  return `${Number(match[3])} ${kMonths[Number(match[2]) - 1]} ${match[1]}`;
}

let clinicTimeZone: string | undefined;
// Made once per zone: a long list (the audit log) formats hundreds of instants.
let instantFormat: Intl.DateTimeFormat | null = null;

/**
 * The clinic's IANA time zone, from the signed-in session: instants are then shown as the clinic's
 * wall clock wherever the reader is (a physician reviewing from another state reads the times the
 * clinic wrote). A name this browser does not know leaves the device's own zone in use.
 */
export function setClinicTimeZone(zone: string | undefined): void {
  clinicTimeZone = zone && isKnownTimeZone(zone) ? zone : undefined;
  instantFormat = null;
}

function instantFormatter(): Intl.DateTimeFormat {
  instantFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: clinicTimeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  });
  return instantFormat;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Seconds since the epoch → `21 Nov 2026, 14:05` on the clinic's clock (the device's before sign-in). */
export function formatInstant(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  const parts = instantFormatter().formatToParts(new Date(seconds * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${part('day')} ${kMonths[part('month') - 1]} ${part('year')}, ${pad(part('hour'))}:${pad(part('minute'))}`;
}

/** A depth in millimetres as a clinician writes it: `0.5 mm`, `0.25–1 mm`. */
export function formatDepthRange(range: { min: number; max: number } | null): string {
  if (!range) return 'no depth allowed';
  return range.min === range.max ? `${range.max} mm` : `${range.min}–${range.max} mm`;
}

/** A code such as `pinpoint_bleeding` as words, for codes the vocabulary has no label for. */
export function humanize(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
