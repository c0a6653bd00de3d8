// The API's shapes for charting, aftercare, safety and administration, written from api/paths/*.json
// (authoritative); the consultation's shapes are in types.ts.

import type { Id, IsoDate } from './types';

export type StepState = 'done' | 'not_used';

export interface TreatedZone {
  zone: string;
  depth: number;
  passes: number;
  endpoint: string;
  override_reason?: string;
  speed?: string;
}

export interface SessionChart {
  plan_id: Id;
  device_id: Id;
  cartridge_id: Id;
  zones: TreatedZone[];
  products: { product_id: Id; step: string }[];
  anaesthetic: { product_id: Id; strength: string; area: string; contact_minutes: number } | null;
  checklist: { step: string; state: StepState }[];
  notes: string;
}

/** The single-use cartridge a session used, as its lot describes it. */
export interface SessionCartridge {
  lot_id: Id;
  lot_number: string;
  unit_code: string;
  model: string;
  needle_count: number;
  expires_on: IsoDate;
}

export interface ChartedSession {
  id: Id;
  client_id: Id;
  plan_id: Id;
  consent_id: Id;
  screening_id: Id;
  practitioner_id: Id;
  device_id: Id;
  cartridge_id: Id;
  cartridge: SessionCartridge;
  performed_on: IsoDate;
  zones: { zone: string; depth: number; passes: number; endpoint: string; speed: string; override_by: Id | null; override_reason: string | null }[];
  products: { product_id: Id; step: string }[];
  anaesthetic: { product_id: Id; product?: string; lot?: string; strength: string; area: string; contact_minutes: number } | null;
  checklist: { step: string; state: StepState }[];
  notes: string;
  status: 'draft' | 'signed';
  signed_by: Id | null;
  signed_at: number | null;
  created_at: number;
  version: number;
}

export type AmendableRecord = 'session' | 'consent' | 'screening' | 'adverse_event';

export interface Amendment {
  id: Id;
  record_type: AmendableRecord;
  record_id: Id;
  reason: string;
  body: Record<string, unknown>;
  author_id: Id;
  created_at: number;
}

export type PhotoKind = 'baseline' | 'before' | 'after' | 'follow_up';

export interface PhotoRecord {
  id: Id;
  client_id: Id;
  session_id: Id | null;
  kind: PhotoKind;
  media_type: 'image/jpeg' | 'image/png';
  byte_count: number;
  sha256: string;
  taken_at: number;
  uploaded_by: Id;
}

export interface Device {
  id: Id;
  model: string;
  kind: string;
  clearance: string;
  cleared: boolean;
  max_depth_mm: number;
  serial: string;
  active: boolean;
  version: number;
}

export interface CartridgeLot {
  id: Id;
  lot_number: string;
  model: string;
  needle_count: number;
  needle_material: string;
  expires_on: IsoDate;
  unit_count: number;
  used_count: number;
  cartridges?: { id: Id; unit_code: string; used: boolean }[];
}

export type ProductKind = 'glide' | 'anaesthetic' | 'serum' | 'calming' | 'sunscreen' | 'other';

export interface Product {
  id: Id;
  name: string;
  kind: ProductKind;
  lot_number: string;
  expires_on: IsoDate;
  sterile: boolean;
  labelled_for_broken_skin: boolean;
}

export interface ExpiringLot {
  kind: 'cartridge' | 'product';
  id: Id;
  name: string;
  lot_number: string;
  expires_on: IsoDate;
  unused_units: number;
}

export interface RecallHit {
  client_id: Id;
  given_name: string;
  family_name: string;
  session_id: Id;
  performed_on: IsoDate;
}

/** GET /api/v1/sessions/{session_id}/aftercare. */
export interface AftercareSheet {
  session_id: Id;
  session_date: IsoDate;
  client: { id: Id; name: string };
  practitioner: { name: string };
  clinic: { name: string };
  deepest_mm: number;
  timeline: { when: string; from?: IsoDate; to?: IsoDate; expect: string; do: string[] }[];
  avoid: { what: string; until: IsoDate | string; rule: string }[];
  check_ins: { label: string; date: IsoDate; rule: string }[];
  warning_signs: { rule: string; signs: string | string[]; action: string; urgency: string }[];
  notes: { rule: string; text: string }[];
  kb: { version: string; digest: string };
}

export type Causality = 'unrelated' | 'unlikely' | 'possible' | 'probable' | 'definite';
export type EventOutcome = 'ongoing' | 'resolved' | 'resolved_with_sequelae' | 'unknown';

export interface AdverseEventReport {
  client_id: Id;
  session_id: Id | null;
  onset_on: IsoDate;
  description: string;
  grade: number;
  causality: Causality;
  suspected_device_id: Id | null;
  suspected_lot_id: Id | null;
  suspected_product_id: Id | null;
  outcome: EventOutcome;
  escalation: string;
}

export interface AdverseEvent extends AdverseEventReport {
  id: Id;
  client_given_name: string;
  client_family_name: string;
  reported_by: Id;
  created_at: number;
  version: number;
}

export type TimePoint = 'baseline' | 'month_1' | 'month_3' | 'month_6' | 'month_12' | 'other';

export interface OutcomeAssessment {
  id: Id;
  client_id: Id;
  plan_id: Id;
  scale: string;
  score: number;
  time_point: TimePoint;
  assessed_on: IsoDate;
  assessed_by: Id;
  photo_ids: Id[];
}

export interface StaffMember {
  id: Id;
  full_name: string;
  email: string;
  role: string;
  jurisdiction: string;
  licence_number: string;
  licence_expires_on: IsoDate | null;
  supervising_physician_id: Id | null;
  active: boolean;
  version: number;
}

export interface Account {
  id: Id;
  staff_id: Id;
  email: string;
  full_name: string;
  role: string;
  admin: boolean;
  active: boolean;
}

export interface AuditEntry {
  id: Id;
  actor_id: Id | null;
  action: string;
  record_type: string;
  record_id: Id | null;
  client_id: Id | null;
  at: number;
  detail: string;
}
