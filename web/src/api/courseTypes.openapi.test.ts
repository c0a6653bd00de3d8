// Checks the course, calendar and home-care types against api/paths/course.json and calendar.json
// (authoritative), the way types.openapi.test.ts checks the others.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  Appointment, AppointmentList, AppointmentType, BookingInput, CourseBound, CourseFollowUp, CoursePreparation,
  CourseBookedSession, CourseSessionDone, CourseSessionScheduled, HomeCare, HomeCareDay, HomeCareRegimen, MoveInput, PlanCourse, Room, Slot,
} from './courseTypes';
import type { VocabularyChecklistStep, VocabularyOutcomeScale } from './types';

const kApiDir = join(__dirname, '..', '..', '..', 'api', 'paths');

type Schema = { properties?: Record<string, Schema> };

function schemas(): Record<string, Schema> {
  const all: Record<string, Schema> = {};
  for (const name of ['course.json', 'calendar.json', 'knowledge_base.json']) {
    Object.assign(all, JSON.parse(readFileSync(join(kApiDir, name), 'utf8')).components.schemas);
  }
  all['HomeCareRegimen'] = all['HomeCare']!.properties!['regimen']!;
  return all;
}

const kTypes: Record<string, Record<string, true>> = {
  CourseBound: { rule: true, reason: true } satisfies Record<keyof CourseBound, true>,
  CourseSessionDone: { number: true, session_id: true, date: true } satisfies Record<keyof CourseSessionDone, true>,
  CourseSessionScheduled: { number: true, earliest_date: true, date: true, moved: true, bound_by: true } satisfies Record<keyof CourseSessionScheduled, true>,
  CourseFollowUp: { point: true, date: true, rule: true, purpose: true, after_session: true } satisfies Record<keyof CourseFollowUp, true>,
  CoursePreparation: { point: true, date: true, session: true, days_before: true, rules: true, advice: true } satisfies Record<keyof CoursePreparation, true>,
  PlanCourse: {
    plan_id: true, client_id: true, indication: true, sessions: true, interval_days: true, status: true, outcome: true, as_of: true, done: true,
    scheduled: true, booked: true, series_ends: true, follow_ups: true, preparation: true, no_response_from: true, kb: true,
  } satisfies Record<keyof PlanCourse, true>,
  CourseBookedSession: {
    appointment_id: true, starts_at: true, date: true, session: true, needs_new_date: true, problem: true,
  } satisfies Record<keyof CourseBookedSession, true>,
  HomeCareDay: { date: true, kind: true, rule: true, reason: true } satisfies Record<keyof HomeCareDay, true>,
  HomeCare: { client_id: true, from: true, weeks: true, regimen: true, days: true, replace_on: true, kb: true } satisfies Record<keyof HomeCare, true>,
  HomeCareRegimen: {
    max_depth_mm: true, depth_rule: true, max_per_week: true, min_days_apart: true, frequency_rule: true, pause: true, replacement: true,
    avoid_products: true, never: true,
  } satisfies Record<keyof HomeCareRegimen, true>,
  Room: { id: true, name: true, active: true, version: true } satisfies Record<keyof Room, true>,
  AppointmentType: {
    id: true, name: true, purpose: true, duration_minutes: true, needs_room: true, device_kind: true, active: true, version: true,
  } satisfies Record<keyof AppointmentType, true>,
  Slot: { starts_at: true, ends_at: true, practitioner_id: true, room_id: true, device_id: true } satisfies Record<keyof Slot, true>,
  BookingInput: {
    client_id: true, plan_id: true, type_id: true, practitioner_id: true, room_id: true, device_id: true, starts_at: true,
  } satisfies Record<keyof BookingInput, true>,
  MoveInput: { starts_at: true, practitioner_id: true, room_id: true, device_id: true } satisfies Record<keyof MoveInput, true>,
  Appointment: {
    id: true, client_id: true, client_name: true, plan_id: true, type_id: true, practitioner_id: true, room_id: true, device_id: true,
    starts_at: true, ends_at: true, status: true, version: true,
  } satisfies Record<keyof Appointment, true>,
  AppointmentList: { from: true, to: true, items: true } satisfies Record<keyof AppointmentList, true>,
  VocabularyChecklistStep: { code: true, label: true, may_skip: true } satisfies Record<keyof VocabularyChecklistStep, true>,
  VocabularyOutcomeScale: { code: true, label: true, min: true, max: true } satisfies Record<keyof VocabularyOutcomeScale, true>,
};

describe('course, calendar and home-care types', () => {
  const bySchema = schemas();
  for (const [name, fields] of Object.entries(kTypes)) {
    it(`${name} has the fields of the OpenAPI schema`, () => {
      expect(bySchema[name], `schema ${name}`).toBeDefined();
      expect(Object.keys(fields).sort()).toEqual(Object.keys(bySchema[name]!.properties ?? {}).sort());
    });
  }
});
