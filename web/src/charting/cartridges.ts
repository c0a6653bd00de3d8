// The sealed, unused cartridges on the shelf, and finding one by the unit code a barcode scanner
// types (scanners send the code's characters and then Enter).

import { api } from '../api/client';
import type { CartridgeLot } from '../api/chartingTypes';
import type { Page } from '../api/types';

export interface ShelfCartridge {
  id: number;
  unit_code: string;
  lot_number: string;
  model: string;
  expires_on: string;
}

export function unusedCartridges(lots: CartridgeLot[]): ShelfCartridge[] {
  return lots.flatMap((lot) =>
    (lot.cartridges ?? [])
      .filter((cartridge) => !cartridge.used)
      .map((cartridge) => ({ id: cartridge.id, unit_code: cartridge.unit_code, lot_number: lot.lot_number, model: lot.model, expires_on: lot.expires_on })),
  );
}

/** The cartridge whose unit code was scanned or typed, ignoring case and surrounding spaces. */
export function findCartridge(shelf: ShelfCartridge[], code: string): ShelfCartridge | undefined {
  const wanted = code.trim().toLowerCase();
  if (!wanted) return undefined;
  return shelf.find((cartridge) => cartridge.unit_code.toLowerCase() === wanted);
}

/** Every lot with units left, read one by one for its cartridges (soonest expiry first). */
export async function loadShelf(): Promise<ShelfCartridge[]> {
  const lots = (await api.get<Page<CartridgeLot>>('/cartridge-lots?limit=200')).items.filter((lot) => lot.used_count < lot.unit_count);
  const detailed = await Promise.all(lots.map((lot) => api.get<CartridgeLot>(`/cartridge-lots/${lot.id}`)));
  return unusedCartridges(detailed);
}
