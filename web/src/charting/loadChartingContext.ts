// Everything the charting screen needs beside the session itself, read in parallel.

import { api } from '../api/client';
import { loadVocabulary } from '../api/knowledge';
import type { Device, Product } from '../api/chartingTypes';
import type { Client, Page, Plan, Screening, Vocabulary } from '../api/types';
import { clinicToday } from '../api/clinicToday';
import { loadStaffNames, type StaffNames } from '../api/staffNames';
import { loadShelf, type ShelfCartridge } from './cartridges';

export interface ChartingContext {
  plan: Plan;
  client: Client;
  vocabulary: Vocabulary | null;
  devices: Device[];
  products: Product[];
  shelf: ShelfCartridge[];
  /** Who is who, for the signer and overrides of a signed session. */
  staff: StaffNames;
  /** The latest screening when it is today's, i.e. the day-of re-check. */
  todaysScreening: Screening | null;
}

async function latestScreening(clientId: number): Promise<Screening | null> {
  const first = await api.get<Page<Screening>>(`/clients/${clientId}/screenings?limit=1`);
  if (first.total === 0) return null;
  const last = await api.get<Page<Screening>>(`/clients/${clientId}/screenings?limit=1&offset=${first.total - 1}`);
  return last.items[0] ?? null;
}

export async function loadChartingContext(planId: number | string): Promise<ChartingContext> {
  const plan = await api.get<Plan>(`/plans/${planId}`);
  const [client, vocabulary, devices, products, shelf, staff, screening] = await Promise.all([
    api.get<Client>(`/clients/${plan.client_id}`),
    loadVocabulary().catch(() => null),
    api.get<Page<Device>>('/devices?active=true&limit=200').then((page) => page.items),
    api.get<Page<Product>>('/products?limit=200').then((page) => page.items),
    loadShelf(),
    loadStaffNames(),
    latestScreening(plan.client_id),
  ]);
  // The clinic's day comes from the server (its time zone); this device's day only when it cannot say.
  const today = await clinicToday();
  const todaysScreening = screening && screening.as_of === today ? screening : null;
  return { plan, client, vocabulary, devices, products, shelf, staff, todaysScreening };
}
