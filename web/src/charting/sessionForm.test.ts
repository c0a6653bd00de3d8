import { describe, expect, test } from 'vitest';
import type { ChartedSession } from '../api/chartingTypes';
import type { Plan } from '../api/types';
import { findCartridge, unusedCartridges } from './cartridges';
import { emptySessionForm, endpointsFrom, sessionChartRequest, sessionFormFrom } from './sessionForm';
import type { Screening } from '../api/types';

const kSteps = ['cleanse', 'anaesthetic', 'glide'];
const kPlan: Plan = {
  id: 7, client_id: 3, screening_id: 5, indication: 'acne_scars', sessions: 3, interval_days: 28, status: 'active',
  zones: [{ zone: 'cheek_left', min: 0.5, max: 1.5, cap: 1.5 }, { zone: 'forehead', min: 0.25, max: 0.5, cap: 0.5 }],
  created_by: 1, created_at: 0, version: 1,
};

describe('sessionChartRequest', () => {
  test('a blank form sends nulls for the numbers and no ticks, so the server names each field', () => {
    const body = sessionChartRequest(7, emptySessionForm(kPlan, kSteps));
    expect(body.device_id).toBeNull();
    expect(body.cartridge_id).toBeNull();
    expect(body.zones.map((zone) => [zone.zone, zone.depth, zone.passes])).toEqual([['cheek_left', null, null], ['forehead', null, null]]);
    expect(body.checklist).toEqual([]);
    expect(body.anaesthetic).toBeNull();
  });

  test('typed values become numbers, ticks become steps and the anaesthetic goes with its tick', () => {
    const form = emptySessionForm(kPlan, kSteps);
    form.device_id = '2';
    form.cartridge_id = '41';
    form.zones[0] = { ...form.zones[0]!, depth: '1.25', passes: '4', endpoint: 'erythema', speed: ' 10 ' };
    form.checklist = { cleanse: 'done', anaesthetic: 'done', glide: 'done' };
    form.anaesthetic = { product_id: '9', strength: 'lidocaine 4 %', area: 'cheeks', contact_minutes: '30' };
    form.products = [{ product_id: '12', step: 'glide' }, { product_id: '', step: 'calming' }];
    const body = sessionChartRequest(7, form);
    expect(body.device_id).toBe(2);
    expect(body.zones[0]).toEqual({ zone: 'cheek_left', depth: 1.25, passes: 4, endpoint: 'erythema', speed: '10' });
    expect(body.checklist).toEqual([{ step: 'cleanse', state: 'done' }, { step: 'anaesthetic', state: 'done' }, { step: 'glide', state: 'done' }]);
    expect(body.anaesthetic).toEqual({ product_id: 9, strength: 'lidocaine 4 %', area: 'cheeks', contact_minutes: 30 });
    expect(body.products).toEqual([{ product_id: 12, step: 'glide' }]);
  });

  test('an anaesthetic ticked "not used" sends none, whatever was typed', () => {
    const form = emptySessionForm(kPlan, kSteps);
    form.checklist['anaesthetic'] = 'not_used';
    form.anaesthetic.product_id = '9';
    const body = sessionChartRequest(7, form);
    expect(body.anaesthetic).toBeNull();
    expect(body.checklist).toEqual([{ step: 'anaesthetic', state: 'not_used' }]);
  });

  test('a stored draft reads back into the form and out again unchanged', () => {
    const session: ChartedSession = {
      id: 1, client_id: 3, plan_id: 7, consent_id: 4, screening_id: 6, practitioner_id: 2, device_id: 2, cartridge_id: 41,
      cartridge: { lot_id: 5, lot_number: 'C-2211', unit_code: 'U041', model: 'C12', needle_count: 12, expires_on: '2027-06-30' },
      performed_on: '2026-11-21', status: 'draft', signed_by: null, signed_at: null, created_at: 0, version: 2, notes: 'calm',
      zones: [{ zone: 'cheek_left', depth: 1, passes: 3, endpoint: 'erythema', speed: '', override_by: null, override_reason: null }],
      products: [{ product_id: 12, step: 'glide' }, { product_id: 9, step: 'anaesthetic' }],
      anaesthetic: { product_id: 9, strength: '4 %', area: 'cheeks', contact_minutes: 20 },
      checklist: [{ step: 'cleanse', state: 'done' }, { step: 'anaesthetic', state: 'done' }],
    };
    const form = sessionFormFrom(session, kSteps);
    expect(form.checklist).toEqual({ cleanse: 'done', anaesthetic: 'done', glide: '' });
    expect(form.products).toEqual([{ product_id: '12', step: 'glide' }]);
    const body = sessionChartRequest(7, form);
    expect(body.zones).toEqual([{ zone: 'cheek_left', depth: 1, passes: 3, endpoint: 'erythema' }]);
    expect(body.anaesthetic).toEqual({ product_id: 9, strength: '4 %', area: 'cheeks', contact_minutes: 20 });
  });
});

describe('cartridges', () => {
  const shelf = unusedCartridges([
    { id: 1, lot_number: 'L-1', model: 'M', needle_count: 12, needle_material: 'steel', expires_on: '2027-01-01', unit_count: 2, used_count: 1,
      cartridges: [{ id: 10, unit_code: 'L1-0001', used: true }, { id: 11, unit_code: 'L1-0002', used: false }] },
  ]);

  test('only sealed units are offered', () => {
    expect(shelf.map((cartridge) => cartridge.id)).toEqual([11]);
  });

  test('a scanned code finds its unit whatever its case and spaces; a used or unknown one finds none', () => {
    expect(findCartridge(shelf, '  l1-0002 ')?.id).toBe(11);
    expect(findCartridge(shelf, 'L1-0001')).toBeUndefined();
    expect(findCartridge(shelf, '')).toBeUndefined();
  });
});

test("today's screening fills the endpoints left blank and keeps those chosen", () => {
  const form = emptySessionForm(kPlan, kSteps);
  form.zones[1]!.endpoint = 'erythema';
  const screening = { decision: { zones: [
    { zone: 'cheek_left', indication: 'acne_scars', status: 'ok', depth_mm: { min: 0.5, max: 1.5 }, limited_by: 'zone', endpoint: 'pinpoint_bleeding' },
    { zone: 'forehead', indication: 'acne_scars', status: 'ok', depth_mm: { min: 0.25, max: 0.5 }, limited_by: 'zone', endpoint: 'pinpoint_bleeding' },
  ] } } as unknown as Screening;
  expect(endpointsFrom(screening, form.zones).map((zone) => zone.endpoint)).toEqual(['pinpoint_bleeding', 'erythema']);
});
