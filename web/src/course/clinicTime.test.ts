import { describe, expect, it } from 'vitest';
import { clinicDate, clinicOffset, clockTime, instantAt, weekdayName, weekOf } from './clinicTime';

// 2026-11-23 in America/Denver (UTC−7) starts at 07:00 UTC.
const denver = { date: '2026-11-23', from: Date.UTC(2026, 10, 23, 7) / 1000, to: Date.UTC(2026, 10, 24, 7) / 1000 };
// 2026-07-01 in Europe/London (UTC+1) starts at 23:00 UTC the day before.
const london = { date: '2026-07-01', from: Date.UTC(2026, 5, 30, 23) / 1000, to: Date.UTC(2026, 6, 1, 23) / 1000 };

describe('clinic time', () => {
  it('reads the offset from where the clinic day starts', () => {
    expect(clinicOffset(denver)).toBe(-7 * 3600);
    expect(clinicOffset(london)).toBe(3600);
  });

  it('reads instants on the clinic wall clock, not the device clock', () => {
    expect(clockTime(Date.UTC(2026, 10, 23, 16, 30) / 1000, denver)).toBe('09:30');
    expect(clockTime(Date.UTC(2026, 5, 30, 23, 15) / 1000, london)).toBe('00:15');
    expect(clinicDate(Date.UTC(2026, 5, 30, 23, 15) / 1000, london)).toBe('2026-07-01');
  });

  it('turns a wall-clock time back into the instant of that day', () => {
    expect(instantAt(denver, '09:30')).toBe(Date.UTC(2026, 10, 23, 16, 30) / 1000);
    expect(instantAt(denver, '24:00')).toBeNull();
    expect(instantAt(denver, '9:30')).toBeNull();
  });

  it('gives the Monday-to-Sunday week of a date', () => {
    expect(weekOf('2026-11-25')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(weekOf('2026-11-23')[0]).toBe('2026-11-23');
    expect(weekOf('2026-11-29')[0]).toBe('2026-11-23');
    expect(weekdayName('2026-11-29')).toBe('Sun');
  });
});
