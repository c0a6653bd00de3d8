// The API's shapes as the app uses them, written from api/openapi.json and api/paths/*.json
// (the OpenAPI document is authoritative; keep these in step with it).

export type Id = number;
export type IsoDate = string;

export interface SessionInfo {
  account_id: Id;
  staff_id: Id;
  clinic_id: Id;
  full_name: string;
  role: string;
  admin: boolean;
  permissions: string[];
  /** The clinic's IANA time zone; instants are shown in it. */
  time_zone: string;
  csrf_token?: string;
  expires_at?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Client {
  id: Id;
  given_name: string;
  family_name: string;
  birth_date: IsoDate;
  email: string;
  phone: string;
  fitzpatrick: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface ClientDraft {
  given_name: string;
  family_name: string;
  birth_date: IsoDate;
  email?: string;
  phone?: string;
  fitzpatrick?: number | null;
}

export interface IntakeHistory {
  client: { birth_date: IsoDate; fitzpatrick?: number; pregnant?: boolean; breastfeeding?: boolean };
  conditions: { code: string; zones?: string[]; controlled?: boolean; resolved?: IsoDate }[];
  medications: { code: string; current?: boolean; last_dose?: IsoDate; zones?: string[] }[];
  allergies: { code: string }[];
  procedures: { code: string; date?: IsoDate; zones?: string[]; depth_mm?: number }[];
}

export interface IntakeRecord {
  id: Id;
  client_id: Id;
  revision: number;
  history: IntakeHistory;
  recorded_by: Id;
  recorded_at: number;
}

export type Decision = 'decline' | 'refer' | 'defer' | 'proceed_with_caution' | 'proceed';
export type Effect = 'decline' | 'refer' | 'defer' | 'caution' | 'info';
export type ZoneStatus = 'ok' | 'deferred' | 'blocked' | 'out_of_scope';
export type LimitedBy = 'setting' | 'scope' | 'device' | 'condition' | 'zone' | 'indication';

export interface DecisionFinding {
  rule: string;
  effect: Effect;
  until: IsoDate | null;
  zones: string[];
  summary: string;
  basis: string;
  sources: string[];
}

export interface DecisionZone {
  zone: string;
  indication: string;
  status: ZoneStatus;
  depth_mm: { min: number; max: number } | null;
  limited_by: LimitedBy;
  endpoint: string;
}

export interface ScreeningDecision {
  decision: Decision;
  earliest_date: IsoDate | null;
  findings: DecisionFinding[];
  zones: DecisionZone[];
  consent_items: string[];
  kb: { version: string; digest: string };
}

export interface ScreeningOverride {
  id: Id;
  screening_id: Id;
  prescriber_id: Id;
  reason: string;
  decided_at: number;
}

export interface Screening {
  id: Id;
  client_id: Id;
  intake_id: Id;
  as_of: IsoDate;
  decision: ScreeningDecision;
  kb_version: string;
  kb_digest: string;
  screened_by: Id;
  screened_at: number;
  overrides: ScreeningOverride[];
}

export interface ClientChart {
  client: Client;
  intakes: IntakeRecord[];
  screenings: Screening[];
  [part: string]: unknown;
}

export interface PlanZone {
  zone: string;
  min: number;
  max: number;
  cap: number;
}

export interface Plan {
  id: Id;
  client_id: Id;
  screening_id: Id;
  indication: string;
  sessions: number;
  interval_days: number;
  status: 'active' | 'completed' | 'cancelled';
  zones: PlanZone[];
  created_by: Id;
  created_at: number;
  version: number;
}

export interface ConsentText {
  id: string;
  title: string;
  applies_when: string;
  text: string;
  sources: string[];
}

export interface ConsentItems {
  plan_id: Id;
  client_id: Id;
  screening_id: Id;
  items: string[];
  /** What the client reads and signs, in the order of `items`. */
  texts: ConsentText[];
  text_version: string;
  text_digest: string;
}

export interface Consent {
  id: Id;
  client_id: Id;
  plan_id: Id;
  items: string[];
  text_version: string;
  text_digest: string;
  signature: string;
  signer_name: string;
  photo_consent: boolean;
  witnessed_by: Id;
  signed_at: number;
}

export interface SessionSummary {
  id: Id;
  plan_id: Id;
  practitioner_id: Id;
  performed_on: IsoDate;
  status: 'draft' | 'signed';
  version: number;
}

/** GET /api/v1/knowledge-base/vocabulary. */
export type Ask = 'zones' | 'resolved' | 'controlled' | 'current' | 'last_dose' | 'date' | 'depth_mm';

export interface VocabularyItem {
  code: string;
  label: string;
  help?: string;
  asks?: Ask[];
}

export interface VocabularyZone extends VocabularyItem {
  region: 'face' | 'body';
}

/** An indication with what FU-02 says about assessing it. */
export interface VocabularyIndication extends VocabularyItem {
  /** FU-02: the codes of the outcome scales suited to this indication; the server refuses any other. */
  outcome_scales: string[];
  /** The months after the course at which it is assessed; empty when the knowledge base gives none. */
  assess_months: number[];
}

export interface Vocabulary {
  kb: { version: string; digest: string };
  zones: VocabularyZone[];
  indications: VocabularyIndication[];
  conditions: VocabularyItem[];
  medications: VocabularyItem[];
  allergies: VocabularyItem[];
  procedures: VocabularyItem[];
  roles: { code: string; label: string; prescriber: boolean }[];
  settings: VocabularyItem[];
  device_kinds: VocabularyItem[];
  needle_materials: VocabularyItem[];
  endpoints: VocabularyItem[];
  /** TP-06: the session checklist's steps, in the order they are done. */
  checklist: VocabularyChecklistStep[];
  /** The outcome scales (FU-02); min and max null when the knowledge base gives no range. */
  outcome_scales: VocabularyOutcomeScale[];
}

export interface VocabularyChecklistStep {
  code: string;
  label: string;
  may_skip: boolean;
}

export interface VocabularyOutcomeScale {
  code: string;
  label: string;
  min: number | null;
  max: number | null;
}

export interface KbRule {
  id: string;
  title: string;
  stage: string;
  rationale: string;
  confidence: string;
  configurable: boolean;
  sources: { id: string; citation: string; url?: string }[];
}

/** GET /api/v1/today. */
export interface Today {
  date: IsoDate;
  sessions_due: { client_id: Id; client_name: string; plan_id: Id; session_id?: Id; status: 'draft' | 'due'; due_date?: IsoDate }[];
  /** `decision` is left out for roles that may not read the chart (front desk). */
  awaiting_clearance: { client_id: Id; client_name: string; screening_id: Id; decision?: Decision; screened_at: number }[];
  /** Left out for roles that may not read the chart (front desk). */
  open_adverse_events?: { event_id: Id; client_id: Id; client_name: string; onset: IsoDate; grade?: number; summary: string }[];
  expiring_lots: { kind: 'cartridge' | 'product'; lot_id: Id; lot: string; name: string; expires: IsoDate }[];
}
