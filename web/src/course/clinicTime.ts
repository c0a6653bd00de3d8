// Reading instants on the clinic's wall clock. The browser is not told the clinic's time zone; the
// diary tells it where a clinic day starts (`from` of GET /appointments?date=…&days=1), and an
// instant of that day is read as its distance from that start. A day with a daylight-saving change
// reads the hours after the change one hour off; the dates themselves are always the server's.

import type { Instant } from '../api/courseTypes';
import { addDays } from '../format';

export interface ClinicDay {
  date: string;
  /** The instant the clinic's day starts. */
  from: Instant;
  /** The instant the next day starts. */
  to: Instant;
}

const kIsoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcMidnight(date: string): number {
  const match = kIsoDate.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 1000;
}

/** Seconds to add to an instant to read the clinic's wall clock, as of the day's start. */
export function clinicOffset(day: ClinicDay): number {
  return utcMidnight(day.date) - day.from;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` on the clinic's wall clock. */
export function clockTime(instant: Instant, day: ClinicDay): string {
  const wall = new Date((instant + clinicOffset(day)) * 1000);
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/** The clinic's date (`YYYY-MM-DD`) of an instant, read with a nearby day's offset. */
export function clinicDate(instant: Instant, day: ClinicDay): string {
  return new Date((instant + clinicOffset(day)) * 1000).toISOString().slice(0, 10);
}

/** The instant of `HH:MM` on a clinic day, or null when the time is not one. */
export function instantAt(day: ClinicDay, time: string): Instant | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return day.from + hours * 3600 + minutes * 60;
}

/** The Monday-to-Sunday week holding a date. */
export function weekOf(date: string): string[] {
  const weekday = (new Date(utcMidnight(date) * 1000).getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(date, -weekday);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

const kWeekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `Mon` … `Sun` for a date. */
export function weekdayName(date: string): string {
  return kWeekdays[(new Date(utcMidnight(date) * 1000).getUTCDay() + 6) % 7]!;
}
