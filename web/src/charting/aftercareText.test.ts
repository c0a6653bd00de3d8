import { expect, test } from 'vitest';
import { byUrgency, signList, spanText, whenText } from './aftercareText';

test('dates read as the client reads them, other words pass through', () => {
  expect(whenText('2026-11-23')).toBe('23 Nov 2026');
  expect(whenText('until the skin has healed')).toBe('until the skin has healed');
  expect(whenText(undefined)).toBe('');
});

test('a stage spans its days, or names its one day', () => {
  expect(spanText('2026-11-21', '2026-11-23')).toBe('21 Nov 2026 – 23 Nov 2026');
  expect(spanText('2026-11-21', '2026-11-21')).toBe('21 Nov 2026');
  expect(spanText(undefined, '2026-11-28')).toBe('28 Nov 2026');
});

test('signs become a list, blank ones dropped', () => {
  expect(signList('Spreading redness')).toEqual(['Spreading redness']);
  expect(signList(['Fever', ' ', 'Pus '])).toEqual(['Fever', 'Pus']);
});

test('emergencies come first, then the same day, otherwise the order sent', () => {
  const sorted = byUrgency([{ urgency: 'routine', n: 1 }, { urgency: 'same_day', n: 2 }, { urgency: 'emergency', n: 3 }, { urgency: 'routine', n: 4 }]);
  expect(sorted.map((sign) => sign.n)).toEqual([3, 2, 1, 4]);
});
