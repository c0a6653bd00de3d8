import { describe, expect, it } from 'vitest';
import type { HomeCareDay } from '../api/courseTypes';
import { countKinds, homeCareWeeks } from './homeCareCalendar';

const day = (date: string, kind: HomeCareDay['kind']): HomeCareDay => ({ date, kind, rule: kind === 'paused' ? 'HM-03' : null, reason: null });

describe('home-care calendar', () => {
  it('lays the days out in Monday-to-Sunday weeks with blanks around them', () => {
    // 2026-11-25 is a Wednesday; 2026-12-01 a Tuesday.
    const days = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']
      .map((date, index) => day(date, index % 2 === 0 ? 'roll' : 'rest'));
    const weeks = homeCareWeeks(days);
    expect(weeks).toHaveLength(2);
    expect(weeks[0]!.map((cell) => cell.date)[0]).toBe('2026-11-23');
    expect(weeks[0]![0]!.day).toBeNull();
    expect(weeks[0]![2]!.day?.kind).toBe('roll');
    expect(weeks[1]![1]!.day?.date).toBe('2026-12-01');
    expect(weeks[1]![2]!.day).toBeNull();
  });

  it('counts the days of each kind', () => {
    expect(countKinds([day('2026-11-25', 'roll'), day('2026-11-26', 'paused'), day('2026-11-27', 'paused')])).toEqual({ roll: 1, rest: 0, paused: 2 });
    expect(homeCareWeeks([])).toEqual([]);
  });
});
