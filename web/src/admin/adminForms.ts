// Pure helpers of the admin screens: expiry status, unit codes as scanned, audit log filters.

import { addDays } from '../format';

export type ExpiryStatus = 'expired' | 'soon' | 'ok';

/** Expired before `today`, due within `withinDays` of it, or fine. Dates are `YYYY-MM-DD`. */
export function expiryStatus(expiresOn: string | null, today: string, withinDays: number): ExpiryStatus {
  if (!expiresOn) return 'ok';
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, withinDays) ? 'soon' : 'ok';
}

/** The cartridges' unit codes from a scanner or typed: one per line (or comma), blanks and repeats dropped. */
export function unitCodes(text: string): string[] {
  const codes = text.split(/[\n,;]+/).map((code) => code.trim()).filter(Boolean);
  return [...new Set(codes)];
}

export interface AuditFilterForm {
  client_id: string;
  actor_id: string;
  from: string;
  to: string;
}

/** Seconds since the epoch at the start of a day on this device's clock. */
function startOfDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Math.floor(new Date(y, m - 1, d).getTime() / 1000);
}

/** The audit log's query: ids as given, `from` the start of its day, `to` the last second of its day. */
export function auditQuery(form: AuditFilterForm): Record<string, string | number | undefined> {
  return {
    client_id: form.client_id.trim() || undefined,
    actor_id: form.actor_id.trim() || undefined,
    from: form.from ? startOfDay(form.from) : undefined,
    to: form.to ? startOfDay(addDays(form.to, 1)) - 1 : undefined,
  };
}
