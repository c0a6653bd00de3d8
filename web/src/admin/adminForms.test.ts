import { expect, test } from 'vitest';
import { auditQuery, expiryStatus, unitCodes } from './adminForms';

test('a lot or licence is expired before today, due soon within the window, otherwise fine', () => {
  expect(expiryStatus('2026-11-20', '2026-11-21', 30)).toBe('expired');
  expect(expiryStatus('2026-11-21', '2026-11-21', 30)).toBe('soon');
  expect(expiryStatus('2026-12-21', '2026-11-21', 30)).toBe('soon');
  expect(expiryStatus('2026-12-22', '2026-11-21', 30)).toBe('ok');
  expect(expiryStatus(null, '2026-11-21', 30)).toBe('ok');
});

test('scanned unit codes are split by line or comma, trimmed, and repeats dropped', () => {
  expect(unitCodes('A-1\nA-2 , A-3\n\nA-1\r\n')).toEqual(['A-1', 'A-2', 'A-3']);
  expect(unitCodes('  ')).toEqual([]);
});

test('the audit filter spans whole days and leaves blanks out', () => {
  const query = auditQuery({ client_id: ' 4 ', actor_id: '', from: '2026-11-20', to: '2026-11-21' });
  expect(query['client_id']).toBe('4');
  expect(query['actor_id']).toBeUndefined();
  expect(Number(query['to']) - Number(query['from'])).toBe(2 * 86400 - 1);
  expect(new Date(Number(query['from']) * 1000).getHours()).toBe(0);
});
