// What an adverse event can suspect (a device, a cartridge lot, a product), read once for the report
// form's choices and for naming what a recorded event suspects.

import { api } from '../api/client';
import type { AdverseEvent, CartridgeLot, Device, Product } from '../api/chartingTypes';
import type { Page } from '../api/types';

export interface Suspects {
  devices: Device[];
  lots: CartridgeLot[];
  products: Product[];
}

function itemsOr<T>(path: string): Promise<T[]> {
  return api.get<Page<T>>(path).then((page) => page.items, () => []);
}

export async function loadSuspects(): Promise<Suspects> {
  const [devices, lots, products] = await Promise.all([
    itemsOr<Device>('/devices?limit=200'),
    itemsOr<CartridgeLot>('/cartridge-lots?limit=200'),
    itemsOr<Product>('/products?limit=200'),
  ]);
  return { devices, lots, products };
}

type Suspected = Pick<AdverseEvent, 'suspected_device_id' | 'suspected_lot_id' | 'suspected_product_id'>;

/** "Aster MN-25 (serial …), cartridge lot AST12-2705, …", or "Nothing"; an id when the lists lack it. */
export function suspectedText(event: Suspected, suspects: Suspects | null): string {
  const device = (id: number) => {
    const found = suspects?.devices.find((item) => item.id === id);
    return found ? `${found.model} (serial ${found.serial})` : `device ${id}`;
  };
  const lot = (id: number) => `cartridge lot ${suspects?.lots.find((item) => item.id === id)?.lot_number ?? id}`;
  const product = (id: number) => {
    const found = suspects?.products.find((item) => item.id === id);
    return found ? `${found.name}, lot ${found.lot_number}` : `product ${id}`;
  };
  const named = [
    event.suspected_device_id !== null ? device(event.suspected_device_id) : '',
    event.suspected_lot_id !== null ? lot(event.suspected_lot_id) : '',
    event.suspected_product_id !== null ? product(event.suspected_product_id) : '',
  ].filter(Boolean);
  return named.length > 0 ? named.join('; ') : 'Nothing';
}
