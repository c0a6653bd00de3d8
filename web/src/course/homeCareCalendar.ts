// The home-care calendar (GET /clients/{id}/home-care `days`) laid out as Monday-to-Sunday weeks
// for print, with blank cells before the first day and after the last. The kind of each day and its
// reason are the server's.

import type { HomeCareDay } from '../api/courseTypes';
import { weekOf } from './clinicTime';

export interface HomeCareCell {
  date: string;
  day: HomeCareDay | null;
}

export function homeCareWeeks(days: HomeCareDay[]): HomeCareCell[][] {
  if (days.length === 0) return [];
  const byDate = new Map(days.map((day) => [day.date, day]));
  const last = days[days.length - 1]!.date;
  const weeks: HomeCareCell[][] = [];
  let week = weekOf(days[0]!.date);
  for (;;) {
    weeks.push(week.map((date) => ({ date, day: byDate.get(date) ?? null })));
    if (week[6]! >= last) break;
    week = weekOf(nextDay(week[6]!));
  }
  return weeks;
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export const kDayKindWords: Record<HomeCareDay['kind'], string> = {
  roll: 'Roll',
  rest: 'Rest',
  paused: 'Paused',
};

/** How many days of each kind the calendar holds. */
export function countKinds(days: HomeCareDay[]): Record<HomeCareDay['kind'], number> {
  const counts = { roll: 0, rest: 0, paused: 0 };
  for (const day of days) counts[day.kind] += 1;
  return counts;
}
