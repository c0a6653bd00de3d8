// The shapes of the course, calendar and home-care endpoints, written from api/paths/course.json and
// api/paths/calendar.json (authoritative; keep these in step with them).

import type { Id, IsoDate } from './types';

/** Seconds since the epoch, UTC. */
export type Instant = number;

export interface CourseBound {
  rule: string;
  reason: string;
}

export interface CourseSessionDone {
  number: number;
  session_id: Id | null;
  date: IsoDate;
}

export interface CourseSessionScheduled {
  number: number;
  earliest_date: IsoDate;
  date: IsoDate;
  moved: boolean;
  bound_by: CourseBound;
}

export interface CourseFollowUp {
  point: string;
  date: IsoDate;
  rule: string;
  purpose: string;
  after_session: number | null;
}

export interface CoursePreparation {
  point: string;
  date: IsoDate;
  session: number;
  days_before: number;
  rules: string[];
  advice: string;
}

/** A booked session appointment of the plan; one the course no longer allows keeps its time but needs a new date. */
export interface CourseBookedSession {
  appointment_id: Id;
  starts_at: string;
  date: IsoDate;
  session: number | null;
  needs_new_date: boolean;
  problem: string | null;
}

export interface PlanCourse {
  plan_id: Id;
  client_id: Id;
  indication: string;
  sessions: number;
  interval_days: number;
  status: string;
  outcome: 'no_response' | null;
  as_of: IsoDate;
  done: CourseSessionDone[];
  scheduled: CourseSessionScheduled[];
  booked: CourseBookedSession[];
  series_ends: IsoDate | null;
  follow_ups: CourseFollowUp[];
  preparation: CoursePreparation[];
  no_response_from: IsoDate | null;
  kb: { version: string; digest: string };
}

export type HomeCareDayKind = 'roll' | 'rest' | 'paused';

export interface HomeCareDay {
  date: IsoDate;
  kind: HomeCareDayKind;
  rule: string | null;
  reason: string | null;
}

export interface HomeCareRegimen {
  max_depth_mm: number;
  depth_rule: string;
  max_per_week: number;
  min_days_apart: number;
  frequency_rule: string;
  pause: { days_before: number; days_after: number; rule: string };
  replacement: { after_uses: number; rule: string };
  avoid_products: { rule: string; products: string[]; instead?: string };
  never: { rule: string; items: string[] };
}

export interface HomeCare {
  client_id: Id;
  from: IsoDate;
  weeks: number;
  regimen: HomeCareRegimen;
  days: HomeCareDay[];
  replace_on: IsoDate[];
  kb: { version: string; digest: string };
}

export interface Room {
  id: Id;
  name: string;
  active: boolean;
  version: number;
}

export interface AppointmentType {
  id: Id;
  name: string;
  purpose: 'consultation' | 'session' | 'review';
  duration_minutes: number;
  needs_room: boolean;
  device_kind: string | null;
  active: boolean;
  version: number;
}

export interface Slot {
  starts_at: Instant;
  ends_at: Instant;
  practitioner_id: Id;
  room_id: Id | null;
  device_id: Id | null;
}

export interface BookingInput {
  client_id: Id;
  plan_id?: Id;
  type_id: Id;
  practitioner_id: Id;
  room_id?: Id;
  device_id?: Id;
  starts_at: Instant;
}

export interface MoveInput {
  starts_at: Instant;
  practitioner_id?: Id;
  room_id?: Id;
  device_id?: Id;
}

export interface Appointment {
  id: Id;
  client_id: Id;
  client_name: string;
  plan_id: Id | null;
  type_id: Id;
  practitioner_id: Id;
  room_id: Id | null;
  device_id: Id | null;
  starts_at: Instant;
  ends_at: Instant;
  status: 'booked' | 'cancelled';
  version: number;
}

export interface AppointmentList {
  from: Instant;
  to: Instant;
  items: Appointment[];
}
