import { expect, test } from 'vitest';
import type { PhotoRecord } from '../api/chartingTypes';
import { adverseEventReport, emptyAdverseEventForm } from './adverseEventForm';
import { comparisonPhotos, outcomeRequest } from './outcomeForm';

test('an adverse event report takes numbers for ids and grade, and null for choices left blank', () => {
  const form = { ...emptyAdverseEventForm('2026-11-21', '8'), description: ' Blistering on the left cheek ', grade: '3',
    causality: 'probable' as const, suspected_lot_id: '4', escalation: 'Phoned the medical director at 14:10' };
  expect(adverseEventReport(3, form)).toEqual({
    client_id: 3, session_id: 8, onset_on: '2026-11-21', description: 'Blistering on the left cheek', grade: 3, causality: 'probable',
    suspected_device_id: null, suspected_lot_id: 4, suspected_product_id: null, outcome: 'ongoing', escalation: 'Phoned the medical director at 14:10',
  });
});

test('a blank grade goes as null so the server names the field', () => {
  expect(adverseEventReport(3, emptyAdverseEventForm('2026-11-21')).grade).toBeNull();
});

test('an outcome request carries the score as a number, or null when it is not one', () => {
  expect(outcomeRequest({ plan_id: '5', scale: ' gais ', score: '2', time_point: 'month_1', assessed_on: '2026-12-19' }))
    .toEqual({ plan_id: 5, scale: 'gais', score: 2, time_point: 'month_1', assessed_on: '2026-12-19' });
  expect(outcomeRequest({ plan_id: '5', scale: 'gais', score: 'two', time_point: 'month_1', assessed_on: '2026-12-19' }).score).toBeNull();
});

test('the baseline photograph is the first baseline, else the first before; the current is the latest after or follow-up', () => {
  const photo = (id: number, kind: PhotoRecord['kind'], taken_at: number) =>
    ({ id, kind, taken_at, client_id: 1, session_id: null, media_type: 'image/png', byte_count: 1, sha256: '', uploaded_by: 1 }) as PhotoRecord;
  const photos = [photo(1, 'before', 10), photo(2, 'after', 11), photo(3, 'follow_up', 50), photo(4, 'before', 40)];
  expect(comparisonPhotos(photos)).toEqual({ baseline: photos[0], current: photos[2] });
  expect(comparisonPhotos([photo(5, 'baseline', 60), ...photos]).baseline?.id).toBe(5);
  expect(comparisonPhotos([])).toEqual({});
});
