import { formatDate } from '../format';
import type { ExpiryStatus } from './adminForms';

/** A date with a warning in words when it has passed or is near (colour is never the only sign). */
export function ExpiryChip({ date, status }: { date: string | null; status: ExpiryStatus }) {
  if (!date) return <span class="muted">—</span>;
  if (status === 'expired') return <span class="expired-chip">{formatDate(date)}: expired</span>;
  if (status === 'soon') return <span class="warning-chip">{formatDate(date)}: expires soon</span>;
  return <span>{formatDate(date)}</span>;
}
