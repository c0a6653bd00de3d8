import { describe, expect, it } from 'vitest';
import type { PlanCourse } from '../api/courseTypes';
import { boundWords, courseEntries } from './courseTimeline';

const course: PlanCourse = {
  plan_id: 4, client_id: 2, indication: 'acne_scars', sessions: 3, interval_days: 28, status: 'active', outcome: null,
  as_of: '2026-11-21',
  done: [{ number: 1, session_id: 9, date: '2026-11-01' }],
  scheduled: [
    { number: 2, earliest_date: '2026-12-05', date: '2026-12-05', moved: false, bound_by: { rule: 'DF-07', reason: 'a chemical peel on 2026-11-21 needs 14 days' } },
    { number: 3, earliest_date: '2027-01-02', date: '2027-01-02', moved: false, bound_by: { rule: 'FU-01', reason: 'the plan interval of 28 days' } },
  ],
  booked: [],
  series_ends: '2027-01-02',
  follow_ups: [{ point: 'day_7', date: '2026-11-08', rule: 'FU-01', purpose: 'Check healing', after_session: 1 }],
  preparation: [{ point: 'prep_14', date: '2026-11-21', session: 2, days_before: 14, rules: ['DF-08'], advice: 'No waxing' }],
  no_response_from: null,
  kb: { version: '1', digest: 'x' },
};

describe('course timeline', () => {
  it('orders every point of the course by date', () => {
    const entries = courseEntries(course);
    expect(entries.map((entry) => entry.kind)).toEqual(['done', 'follow_up', 'preparation', 'scheduled', 'scheduled']);
    expect(entries.map((entry) => entry.date)).toEqual(['2026-11-01', '2026-11-08', '2026-11-21', '2026-12-05', '2027-01-02']);
  });

  it('names the rule that bound a session to come, with its reason, and which session to book', () => {
    const second = courseEntries(course).find((entry) => entry.key === 'scheduled-2')!;
    expect(second.rules).toEqual(['DF-07']);
    expect(second.detail).toBe('DF-07: a chemical peel on 2026-11-21 needs 14 days');
    expect(second.session).toBe(2);
    expect(second.title).toContain('Session 2 of 3');
  });

  it('words the bounds that are not rules of the knowledge base', () => {
    expect(boundWords({ rule: 'today', reason: 'nothing waits' })).toMatch(/^No wait applies/);
    expect(boundWords({ rule: 'screening', reason: 'deferred until healed' })).toMatch(/deferred treatment/);
  });
});
