import { describe, expect, it } from 'vitest';
import type { Screening } from '../api/types';
import { buildTimeline, dayToSeconds, type TimelineParts } from './timeline';

const none: TimelineParts = { intakes: [], screenings: [], plans: [], consents: [], sessions: [], photos: [], adverseEvents: [], outcomes: [] };

describe('buildTimeline', () => {
  it('puts the newest record first across kinds', () => {
    const entries = buildTimeline(7, {
      ...none,
      intakes: [{ id: 1, client_id: 7, revision: 1, history: {} as never, recorded_by: 1, recorded_at: 1000 }],
      sessions: [{ id: 3, plan_id: 2, practitioner_id: 1, performed_on: '2026-11-21', status: 'signed', version: 2 }],
      screenings: [{ id: 9, screened_at: 2000, overrides: [], decision: { decision: 'defer' } } as unknown as Screening],
    });
    expect(entries.map((entry) => entry.key)).toEqual(['session-3', 'screening-9', 'intake-1']);
    expect(entries[1]).toMatchObject({ badge: 'defer', href: '/clients/7/screenings/9' });
  });

  it('tells an overridden screening by its reason', () => {
    const screening = { id: 4, screened_at: 5, decision: { decision: 'defer' }, overrides: [{ reason: 'Perioral left out of the plan' }] } as unknown as Screening;
    expect(buildTimeline(1, { ...none, screenings: [screening] })[0]!.detail).toBe('Overridden by a prescriber: Perioral left out of the plan');
  });

  it('dates a calendar day at its noon UTC', () => {
    expect(dayToSeconds('1970-01-02')).toBe(86400 + 12 * 3600);
  });
});

describe('outcomes on the timeline', () => {
  it('name their time point, scale and score', () => {
    const [entry] = buildTimeline(2, { ...none, outcomes: [{ id: 5, plan_id: 1, scale: 'gags', score: 12, time_point: 'month_3', assessed_on: '2026-11-01' }] });
    expect(entry).toMatchObject({ title: 'Outcome, month 3: gags 12', day: '2026-11-01', href: '/outcome-assessments/5' });
  });

  it('use the names the knowledge base gives the scale and the plan\'s indication', () => {
    const known: Record<string, string> = { wrinkles: 'Fine lines and wrinkles', gais: 'Global Aesthetic Improvement Scale' };
    const names = { indication: (code: string) => known[code] ?? code, scale: (code: string) => known[code] ?? code };
    const entries = buildTimeline(2, {
      ...none,
      plans: [{ id: 1, client_id: 2, indication: 'wrinkles', sessions: 3, interval_days: 28, status: 'active', created_at: 10 } as never],
      outcomes: [{ id: 5, plan_id: 1, scale: 'gais', score: 2, time_point: 'baseline', assessed_on: '2026-11-01' }],
    }, names);
    expect(entries.map((entry) => entry.title)).toEqual(['Outcome, baseline: Global Aesthetic Improvement Scale 2', 'Plan: Fine lines and wrinkles, 3 sessions every 28 days']);
  });
});
