import { afterEach, describe, expect, it } from 'vitest';
import { addDays, ageOn, formatDate, formatDepthRange, formatInstant, humanize, localToday, setClinicTimeZone } from './format';

describe('ageOn', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('1990-05-01', '2026-05-01')).toBe(36);
    expect(ageOn('1990-05-01', '2026-04-30')).toBe(35);
  });
  it('handles a leap-day birth', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });
  it('refuses what is not a date', () => {
    expect(ageOn('01/05/1990', '2026-05-01')).toBeNull();
  });
});

describe('addDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-11-21', 14)).toBe('2026-12-05');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('formatting', () => {
  it('writes dates without locale ambiguity', () => {
    expect(formatDate('2026-12-02')).toBe('2 Dec 2026');
    expect(formatDate(null)).toBe('');
  });
  it('writes depth ranges', () => {
    expect(formatDepthRange({ min: 0.25, max: 1 })).toBe('0.25–1 mm');
    expect(formatDepthRange({ min: 0.5, max: 0.5 })).toBe('0.5 mm');
    expect(formatDepthRange(null)).toBe('no depth allowed');
  });
  it('turns codes into words', () => {
    expect(humanize('pinpoint_bleeding')).toBe('Pinpoint bleeding');
  });
  it('gives the local date', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('formatInstant', () => {
  afterEach(() => setClinicTimeZone(undefined));

  it('shows an instant on the clinic\'s clock, wherever the reader is', () => {
    setClinicTimeZone('America/Denver');
    expect(formatInstant(1795320960)).toBe('21 Nov 2026, 21:16'); // 04:16 UTC, the day before in Denver
    expect(formatInstant(1795330800)).toBe('22 Nov 2026, 00:00'); // midnight is 00:00, not 24:00
    expect(formatInstant(1782930600)).toBe('1 Jul 2026, 12:30'); // daylight saving time
    setClinicTimeZone('Australia/Sydney');
    expect(formatInstant(1795320960)).toBe('22 Nov 2026, 15:16');
  });

  it('keeps the device\'s zone for a zone the browser does not know, and writes nothing for no instant', () => {
    const onDevice = formatInstant(1795320960);
    setClinicTimeZone('Mars/Olympus_Mons');
    expect(formatInstant(1795320960)).toBe(onDevice);
    expect(formatInstant(null)).toBe('');
    expect(formatInstant(undefined)).toBe('');
  });
});
