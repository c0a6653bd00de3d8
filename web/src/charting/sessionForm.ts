// The session chart as the form holds it (text as typed) and as the API takes it (SessionChart).
// Numbers left blank go as null, so the server names the field that needs a value.

import type { ChartedSession, SessionChart, StepState } from '../api/chartingTypes';
import type { Plan, Screening } from '../api/types';

export interface ZoneRow {
  zone: string;
  depth: string;
  passes: string;
  endpoint: string;
  speed: string;
  override_reason: string;
}

export interface ProductRow {
  product_id: string;
  step: string;
}

export interface AnaestheticRow {
  product_id: string;
  strength: string;
  area: string;
  contact_minutes: string;
}

export interface SessionForm {
  device_id: string;
  cartridge_id: string;
  zones: ZoneRow[];
  products: ProductRow[];
  checklist: Record<string, StepState | ''>;
  anaesthetic: AnaestheticRow;
  notes: string;
}

/** The step whose tick carries the anaesthetic's details (TP-03). */
export const kAnaestheticStep = 'anaesthetic';

function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

export function emptySessionForm(plan: Plan, steps: string[]): SessionForm {
  return {
    device_id: '',
    cartridge_id: '',
    zones: plan.zones.map((zone) => ({ zone: zone.zone, depth: '', passes: '', endpoint: '', speed: '', override_reason: '' })),
    products: [],
    checklist: Object.fromEntries(steps.map((step) => [step, ''])),
    anaesthetic: { product_id: '', strength: '', area: '', contact_minutes: '' },
    notes: '',
  };
}

export function sessionFormFrom(session: ChartedSession, steps: string[]): SessionForm {
  const checklist: Record<string, StepState | ''> = Object.fromEntries(steps.map((step) => [step, '']));
  for (const tick of session.checklist) checklist[tick.step] = tick.state;
  const anaesthetic = session.anaesthetic;
  return {
    device_id: String(session.device_id),
    cartridge_id: String(session.cartridge_id),
    zones: session.zones.map((zone) => ({
      zone: zone.zone,
      depth: String(zone.depth),
      passes: String(zone.passes),
      endpoint: zone.endpoint,
      speed: zone.speed,
      override_reason: zone.override_reason ?? '',
    })),
    // The anaesthetic is listed among the products for recall; the form keeps it in its own row.
    products: session.products
      .filter((product) => !(anaesthetic && product.step === kAnaestheticStep && product.product_id === anaesthetic.product_id))
      .map((product) => ({ product_id: String(product.product_id), step: product.step })),
    checklist,
    anaesthetic: anaesthetic
      ? { product_id: String(anaesthetic.product_id), strength: anaesthetic.strength, area: anaesthetic.area, contact_minutes: String(anaesthetic.contact_minutes) }
      : { product_id: '', strength: '', area: '', contact_minutes: '' },
    notes: session.notes,
  };
}

/** The request body; steps not yet ticked are left out, so the server says which are missing. */
export function sessionChartRequest(planId: number, form: SessionForm): SessionChart {
  const anaestheticUsed = form.checklist[kAnaestheticStep] === 'done';
  return {
    plan_id: planId,
    device_id: numberOrNull(form.device_id) as number,
    cartridge_id: numberOrNull(form.cartridge_id) as number,
    zones: form.zones.map((row) => ({
      zone: row.zone,
      depth: numberOrNull(row.depth) as number,
      passes: numberOrNull(row.passes) as number,
      endpoint: row.endpoint,
      ...(row.speed.trim() ? { speed: row.speed.trim() } : {}),
      ...(row.override_reason.trim() ? { override_reason: row.override_reason.trim() } : {}),
    })),
    products: form.products
      .filter((row) => row.product_id !== '')
      .map((row) => ({ product_id: Number(row.product_id), step: row.step })),
    anaesthetic: anaestheticUsed
      ? {
          product_id: numberOrNull(form.anaesthetic.product_id) as number,
          strength: form.anaesthetic.strength.trim(),
          area: form.anaesthetic.area.trim(),
          contact_minutes: numberOrNull(form.anaesthetic.contact_minutes) as number,
        }
      : null,
    checklist: Object.entries(form.checklist)
      .filter((entry): entry is [string, StepState] => entry[1] !== '')
      .map(([step, state]) => ({ step, state })),
    notes: form.notes,
  };
}

/** The paths of the API's field errors that the charting form shows beside an input. */
export function sessionFieldPaths(form: SessionForm): string[] {
  const paths = ['device_id', 'cartridge_id', 'checklist', 'anaesthetic', 'anaesthetic.product_id', 'anaesthetic.strength',
    'anaesthetic.area', 'anaesthetic.contact_minutes', 'notes', 'products', 'zones'];
  form.zones.forEach((_, index) => {
    for (const key of ['depth', 'passes', 'endpoint', 'speed', 'override_reason', 'zone']) paths.push(`zones[${index}].${key}`);
  });
  form.products.forEach((_, index) => {
    paths.push(`products[${index}]`, `products[${index}].product_id`, `products[${index}].step`);
  });
  Object.keys(form.checklist).forEach((_, index) => paths.push(`checklist[${index}]`));
  return paths;
}

/** Zones whose endpoint is still blank take the one today's screening decided for them. */
export function endpointsFrom(screening: Screening, zones: ZoneRow[]): ZoneRow[] {
  return zones.map((row) => {
    if (row.endpoint) return row;
    const decided = screening.decision.zones.find((zone) => zone.zone === row.zone && zone.endpoint);
    return decided ? { ...row, endpoint: decided.endpoint } : row;
  });
}
