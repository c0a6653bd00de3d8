import { describe, expect, test } from 'vitest';
import type { CartridgeLot, Device, Product } from '../api/chartingTypes';
import { suspectedText, type Suspects } from './suspects';

const device: Device = { id: 3, model: 'Aster MN-25', kind: 'pen', clearance: 'K000000', cleared: true, max_depth_mm: 2.5, serial: 'AST-1', active: true, version: 1 };
const lot: CartridgeLot = { id: 5, lot_number: 'AST12-2705', model: 'C12', needle_count: 12, needle_material: 'stainless_steel', expires_on: '2027-05-31',
  unit_count: 10, used_count: 2, cartridges: [] };
const product: Product = { id: 2, name: 'Hyaluronic glide', kind: 'glide', lot_number: 'HG-77', expires_on: '2027-01-31', sterile: true, labelled_for_broken_skin: true };
const suspects: Suspects = { devices: [device], lots: [lot], products: [product] };

describe('suspectedText', () => {
  test('names each suspected device, lot and product as the inventory knows them', () => {
    expect(suspectedText({ suspected_device_id: 3, suspected_lot_id: 5, suspected_product_id: 2 }, suspects))
      .toBe('Aster MN-25 (serial AST-1); cartridge lot AST12-2705; Hyaluronic glide, lot HG-77');
  });

  test('says nothing was suspected, and falls back to ids the lists lack or could not load', () => {
    expect(suspectedText({ suspected_device_id: null, suspected_lot_id: null, suspected_product_id: null }, suspects)).toBe('Nothing');
    expect(suspectedText({ suspected_device_id: 9, suspected_lot_id: 5, suspected_product_id: null }, null)).toBe('device 9; cartridge lot 5');
  });
});
