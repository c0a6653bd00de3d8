// A plan's course (GET /plans/{id}/course) as one list in date order: sessions done, sessions to
// come with the rule that bound each one's earliest date, follow-up points and preparation
// reminders. Every date, rule and reason is the server's; this only orders and words them.

import type { CourseBound, PlanCourse } from '../api/courseTypes';
import { formatDate, humanize } from '../format';

export type CourseEntryKind = 'done' | 'scheduled' | 'follow_up' | 'preparation';

export interface CourseEntry {
  key: string;
  date: string;
  kind: CourseEntryKind;
  title: string;
  detail: string;
  /** Rule ids the entry rests on, as the knowledge base names them. */
  rules: string[];
  /** For a session to come: its number, to book it. */
  session?: number;
}

/** The constraint that set a session's earliest date, in words. */
export function boundWords(bound: CourseBound): string {
  if (bound.rule === 'today') return `No wait applies: ${bound.reason}`;
  if (bound.rule === 'screening') return `The latest screening deferred treatment: ${bound.reason}`;
  return `${bound.rule}: ${bound.reason}`;
}

const kOrder: Record<CourseEntryKind, number> = { preparation: 0, done: 1, scheduled: 1, follow_up: 2 };

export function courseEntries(course: PlanCourse): CourseEntry[] {
  const entries: CourseEntry[] = [
    ...course.done.map((session) => ({
      key: `done-${session.number}`,
      date: session.date,
      kind: 'done' as const,
      title: `Session ${session.number} of ${course.sessions} done`,
      detail: '',
      rules: [],
    })),
    ...course.scheduled.map((session) => ({
      key: `scheduled-${session.number}`,
      date: session.date,
      kind: 'scheduled' as const,
      title: `Session ${session.number} of ${course.sessions}: from ${formatDate(session.earliest_date)}`,
      detail: boundWords(session.bound_by) + (session.moved ? ' (moved from its first date)' : ''),
      rules: session.bound_by.rule === 'today' || session.bound_by.rule === 'screening' ? [] : [session.bound_by.rule],
      session: session.number,
    })),
    ...course.follow_ups.map((point, index) => ({
      key: `follow-${index}`,
      date: point.date,
      kind: 'follow_up' as const,
      title: `Follow-up: ${humanize(point.point)}${point.after_session === null ? ' after the series' : ` after session ${point.after_session}`}`,
      detail: point.purpose,
      rules: [point.rule],
    })),
    ...course.preparation.map((reminder, index) => ({
      key: `prep-${index}`,
      date: reminder.date,
      kind: 'preparation' as const,
      title: `Prepare for session ${reminder.session} (${reminder.days_before} days before)`,
      detail: reminder.advice,
      rules: reminder.rules,
    })),
  ];
  return entries.sort((a, b) => a.date.localeCompare(b.date) || kOrder[a.kind] - kOrder[b.kind]);
}
