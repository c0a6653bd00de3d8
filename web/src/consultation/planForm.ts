// The plan form: which of the screening's treatable zones go into the plan, at what depth range.

import type { DecisionZone } from '../api/types';

export interface PlannedZoneForm {
  zone: string;
  included: boolean;
  min: string;
  max: string;
}

export interface PlanForm {
  indication: string;
  sessions: string;
  interval_days: string;
  zones: PlannedZoneForm[];
}

/** Starts from the screening: each zone it found treatable, at the range it allows. */
export function planFormFrom(decided: DecisionZone[]): PlanForm {
  const treatable = decided.filter((zone) => zone.status === 'ok' && zone.depth_mm);
  return {
    indication: decided[0]?.indication ?? '',
    sessions: '',
    interval_days: '',
    zones: treatable.map((zone) => ({ zone: zone.zone, included: true, min: String(zone.depth_mm!.min), max: String(zone.depth_mm!.max) })),
  };
}

export interface PlanRequest {
  screening_id: number;
  indication: string;
  sessions: number;
  interval_days: number;
  zones: { zone: string; min: number; max: number }[];
}

function numberOrText(text: string): number {
  // A value that is not a number is sent as NaN → null in JSON, which the server names by its path.
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The body of POST /plans, and the zone code behind each `zones[i]` path. */
export function toPlanRequest(screeningId: number, form: PlanForm): { body: PlanRequest; zoneAt: string[] } {
  const included = form.zones.filter((zone) => zone.included);
  return {
    body: {
      screening_id: screeningId,
      indication: form.indication,
      sessions: numberOrText(form.sessions),
      interval_days: numberOrText(form.interval_days),
      zones: included.map((zone) => ({ zone: zone.zone, min: numberOrText(zone.min), max: numberOrText(zone.max) })),
    },
    zoneAt: included.map((zone) => zone.zone),
  };
}
