import { describe, expect, it } from 'vitest';
import type { DecisionZone } from '../api/types';
import { planFormFrom, toPlanRequest } from './planForm';

const decided: DecisionZone[] = [
  { zone: 'cheeks', indication: 'wrinkles', status: 'ok', depth_mm: { min: 0.5, max: 1 }, limited_by: 'indication', endpoint: 'pinpoint_bleeding' },
  { zone: 'perioral', indication: 'wrinkles', status: 'deferred', depth_mm: { min: 0.25, max: 1 }, limited_by: 'zone', endpoint: 'pinpoint_bleeding' },
  { zone: 'eyelid', indication: 'wrinkles', status: 'blocked', depth_mm: null, limited_by: 'zone', endpoint: 'erythema' },
];

describe('planFormFrom', () => {
  it('offers only the zones the screening found treatable, at its range', () => {
    const form = planFormFrom(decided);
    expect(form.indication).toBe('wrinkles');
    expect(form.zones).toEqual([{ zone: 'cheeks', included: true, min: '0.5', max: '1' }]);
  });
});

describe('toPlanRequest', () => {
  it('sends the included zones as numbers and says which zone each path is', () => {
    const form = { indication: 'wrinkles', sessions: '4', interval_days: '28', zones: [
      { zone: 'cheeks', included: false, min: '0.5', max: '1' },
      { zone: 'forehead', included: true, min: '0.25', max: '0.5' },
    ] };
    expect(toPlanRequest(3, form)).toEqual({
      body: { screening_id: 3, indication: 'wrinkles', sessions: 4, interval_days: 28, zones: [{ zone: 'forehead', min: 0.25, max: 0.5 }] },
      zoneAt: ['forehead'],
    });
  });
});
