import { expect, test } from 'vitest';
import type { PhotoRecord } from '../api/chartingTypes';
import { adverseEventReport, emptyAdverseEventForm } from './adverseEventForm';
import { comparisonPhotos, isPhotoPath, outcomeRequest, photoErrors, toggledPhoto } from './outcomeForm';

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
  expect(outcomeRequest({ plan_id: '5', scale: ' gais ', score: '2', time_point: 'month_1', assessed_on: '2026-12-19', photo_ids: [] }))
    .toEqual({ plan_id: 5, scale: 'gais', score: 2, time_point: 'month_1', assessed_on: '2026-12-19' });
  expect(outcomeRequest({ plan_id: '5', scale: 'gais', score: 'two', time_point: 'month_1', assessed_on: '2026-12-19', photo_ids: [] }).score).toBeNull();
});

test('an outcome request carries the ticked photographs in the order ticked, and none when none is ticked', () => {
  let ticked = toggledPhoto([], 9, true);
  ticked = toggledPhoto(ticked, 4, true);
  ticked = toggledPhoto(ticked, 7, true);
  ticked = toggledPhoto(ticked, 9, false);
  ticked = toggledPhoto(ticked, 4, true);
  expect(ticked).toEqual([7, 4]);
  const form = { plan_id: '5', scale: 'gais', score: '2', time_point: 'month_3' as const, assessed_on: '2027-03-01', photo_ids: ticked };
  expect(outcomeRequest(form)).toEqual({ plan_id: 5, scale: 'gais', score: 2, time_point: 'month_3', assessed_on: '2027-03-01', photo_ids: [7, 4] });
  expect(outcomeRequest({ ...form, photo_ids: [] })).not.toHaveProperty('photo_ids');
});

test('the server\'s messages at photo_ids[i] go to the photograph sent at i; the list\'s own message and stray indexes go to the list', () => {
  const errors = photoErrors({ 'photo_ids[1]': 'Not a photograph of this client.', photo_ids: 'At most 24.', 'photo_ids[5]': 'Unknown.', score: 'Out of range.' }, [7, 4]);
  expect([...errors.byPhoto]).toEqual([[4, 'Not a photograph of this client.']]);
  expect(errors.list).toBe('At most 24. Unknown.');
  expect(photoErrors({ score: 'Out of range.' }, [7])).toEqual({ byPhoto: new Map() });
  expect(['photo_ids', 'photo_ids[0]', 'photo_ids[12]', 'photo_ids[x]', 'scale'].map(isPhotoPath)).toEqual([true, true, true, false, false]);
});

test('the baseline photograph is the first baseline, else the first before; the current is the latest after or follow-up', () => {
  const photo = (id: number, kind: PhotoRecord['kind'], taken_at: number) =>
    ({ id, kind, taken_at, client_id: 1, session_id: null, media_type: 'image/png', byte_count: 1, sha256: '', uploaded_by: 1 }) as PhotoRecord;
  const photos = [photo(1, 'before', 10), photo(2, 'after', 11), photo(3, 'follow_up', 50), photo(4, 'before', 40)];
  expect(comparisonPhotos(photos)).toEqual({ baseline: photos[0], current: photos[2] });
  expect(comparisonPhotos([photo(5, 'baseline', 60), ...photos]).baseline?.id).toBe(5);
  expect(comparisonPhotos([])).toEqual({});
});
