// The clinic's today, as the server says it (its time zone decides); this device's date only when
// the server cannot say. Used for form defaults, never for a rule: the server checks every date.

import { localToday } from '../format';
import { api } from './client';

let today: Promise<string> | null = null;

export function clinicToday(): Promise<string> {
  today ??= api.get<{ date: string }>('/today').then((body) => body.date, () => localToday());
  return today;
}
