// Plain-language pieces of the aftercare sheet; the content itself comes from the server's
// knowledge base (GET /sessions/{id}/aftercare), this only lays it out.

import { formatDate, humanize } from '../format';

const kIsoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A date as the client reads it, or the server's words when it is not a date ("until healed"). */
export function whenText(value: string | undefined | null): string {
  if (!value) return '';
  return kIsoDate.test(value) ? formatDate(value) : value;
}

/** "21 Nov 2026 – 23 Nov 2026", or one end alone, for a timeline stage. */
export function spanText(from?: string | null, to?: string | null): string {
  if (from && to) return from === to ? whenText(from) : `${whenText(from)} – ${whenText(to)}`;
  return whenText(from ?? to ?? '');
}

/** Warning signs arrive as one sentence or a list; the sheet shows a list. */
export function signList(signs: string | string[]): string[] {
  return (Array.isArray(signs) ? signs : [signs]).map((sign) => sign.trim()).filter(Boolean);
}

/** The urgency code in words for the heading of a warning sign, e.g. `emergency` → `Emergency`. */
export function urgencyText(urgency: string): string {
  return humanize(urgency);
}

/** Most urgent first: a code naming an emergency, then the same day, then the rest as sent. */
export function byUrgency<T extends { urgency: string }>(signs: T[]): T[] {
  const rank = (urgency: string) => (/emergenc|immediate/i.test(urgency) ? 0 : /same|today|urgent|24/i.test(urgency) ? 1 : 2);
  return signs.map((sign, index) => ({ sign, index })).sort((a, b) => rank(a.sign.urgency) - rank(b.sign.urgency) || a.index - b.index)
    .map((entry) => entry.sign);
}
