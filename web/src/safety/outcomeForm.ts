// The outcome assessment form and its request; and which photographs to set side by side.

import type { PhotoRecord, TimePoint } from '../api/chartingTypes';

export interface OutcomeForm {
  plan_id: string;
  scale: string;
  score: string;
  time_point: TimePoint | '';
  assessed_on: string;
}

export const kTimePoints: TimePoint[] = ['baseline', 'month_1', 'month_3', 'month_6', 'month_12', 'other'];

export function outcomeRequest(form: OutcomeForm) {
  const score = form.score.trim() === '' ? null : Number(form.score);
  return {
    plan_id: Number(form.plan_id),
    scale: form.scale.trim(),
    score: (score !== null && Number.isFinite(score) ? score : null) as number,
    time_point: form.time_point as TimePoint,
    assessed_on: form.assessed_on,
  };
}

/**
 * The baseline (the earliest baseline photograph, else the earliest "before") and the current view
 * (the latest follow-up or "after"), for comparing side by side.
 */
export function comparisonPhotos(photos: PhotoRecord[]): { baseline?: PhotoRecord; current?: PhotoRecord } {
  const byTime = [...photos].sort((a, b) => a.taken_at - b.taken_at || a.id - b.id);
  const baseline = byTime.find((photo) => photo.kind === 'baseline') ?? byTime.find((photo) => photo.kind === 'before');
  const current = [...byTime].reverse().find((photo) => photo.kind === 'follow_up' || photo.kind === 'after');
  return { ...(baseline ? { baseline } : {}), ...(current ? { current } : {}) };
}
