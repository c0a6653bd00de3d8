// The outcome assessment form and its request; and which photographs to set side by side.

import type { PhotoRecord, TimePoint } from '../api/chartingTypes';

export interface OutcomeForm {
  plan_id: string;
  scale: string;
  score: string;
  time_point: TimePoint | '';
  assessed_on: string;
  /** The photographs the score was given on, in the order they were ticked. */
  photo_ids: number[];
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
    ...(form.photo_ids.length > 0 ? { photo_ids: [...form.photo_ids] } : {}),
  };
}

/** The photo ids with one ticked (added at the end) or unticked. */
export function toggledPhoto(photoIds: number[], photoId: number, ticked: boolean): number[] {
  const others = photoIds.filter((id) => id !== photoId);
  return ticked ? [...others, photoId] : others;
}

export interface PhotoErrors {
  /** The message about the list as a whole (e.g. too many photographs). */
  list?: string;
  /** Each message at `photo_ids[i]`, by the photo id the form sent at index i. */
  byPhoto: Map<number, string>;
}

/** The server's messages about `photo_ids`, for showing beside the picker. */
export function photoErrors(fields: Record<string, string>, sent: number[]): PhotoErrors {
  const errors: PhotoErrors = { byPhoto: new Map() };
  for (const [path, message] of Object.entries(fields)) {
    if (path === 'photo_ids') errors.list = message;
    const match = /^photo_ids\[(\d+)\]$/.exec(path);
    if (!match) continue;
    const photoId = sent[Number(match[1])];
    if (photoId === undefined) {
      errors.list = errors.list ? `${errors.list} ${message}` : message;
      continue;
    }
    const earlier = errors.byPhoto.get(photoId);
    errors.byPhoto.set(photoId, earlier ? `${earlier} ${message}` : message);
  }
  return errors;
}

/** Whether a field path is one the picker shows. */
export function isPhotoPath(path: string): boolean {
  return path === 'photo_ids' || /^photo_ids\[\d+\]$/.test(path);
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
