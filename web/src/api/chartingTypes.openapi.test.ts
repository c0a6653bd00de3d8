// Checks chartingTypes.ts against the OpenAPI document, which is authoritative: each list must name
// exactly its type's fields (the compiler checks `satisfies`), and exactly the schema's properties.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  Account, AdverseEvent, AdverseEventReport, Amendment, AuditEntry, CartridgeLot, ChartedSession, Device, ExpiringLot,
  OutcomeAssessment, PhotoRecord, Product, RecallHit, SessionCartridge, SessionChart, StaffMember, TreatedZone,
} from './chartingTypes';

const kApiDir = join(__dirname, '..', '..', '..', 'api');

function schemas(): Record<string, { properties?: Record<string, unknown> }> {
  const all: Record<string, { properties?: Record<string, unknown> }> = {};
  for (const name of readdirSync(join(kApiDir, 'paths'))) {
    Object.assign(all, JSON.parse(readFileSync(join(kApiDir, 'paths', name), 'utf8')).components?.schemas ?? {});
  }
  return all;
}

const kTypes: Record<string, Record<string, true>> = {
  TreatedZone: { zone: true, depth: true, passes: true, endpoint: true, override_reason: true, speed: true } satisfies Record<keyof TreatedZone, true>,
  SessionChart: { plan_id: true, device_id: true, cartridge_id: true, zones: true, products: true, anaesthetic: true, checklist: true, notes: true } satisfies Record<keyof SessionChart, true>,
  Session: { id: true, client_id: true, plan_id: true, consent_id: true, screening_id: true, practitioner_id: true, device_id: true, cartridge_id: true,
    cartridge: true, performed_on: true, zones: true, products: true, anaesthetic: true, checklist: true, notes: true, status: true, signed_by: true, signed_at: true,
    created_at: true, version: true } satisfies Record<keyof ChartedSession, true>,
  SessionCartridge: { lot_id: true, lot_number: true, unit_code: true, model: true, needle_count: true, expires_on: true } satisfies Record<keyof SessionCartridge, true>,
  Amendment: { id: true, record_type: true, record_id: true, reason: true, body: true, author_id: true, created_at: true } satisfies Record<keyof Amendment, true>,
  Photo: { id: true, client_id: true, session_id: true, kind: true, media_type: true, byte_count: true, sha256: true, taken_at: true, uploaded_by: true } satisfies Record<keyof PhotoRecord, true>,
  Device: { id: true, model: true, kind: true, clearance: true, cleared: true, max_depth_mm: true, serial: true, active: true, version: true } satisfies Record<keyof Device, true>,
  CartridgeLot: { id: true, lot_number: true, model: true, needle_count: true, needle_material: true, expires_on: true, unit_count: true, used_count: true, cartridges: true } satisfies Record<keyof CartridgeLot, true>,
  Product: { id: true, name: true, kind: true, lot_number: true, expires_on: true, sterile: true, labelled_for_broken_skin: true } satisfies Record<keyof Product, true>,
  ExpiringLot: { kind: true, id: true, name: true, lot_number: true, expires_on: true, unused_units: true } satisfies Record<keyof ExpiringLot, true>,
  RecallHit: { client_id: true, given_name: true, family_name: true, session_id: true, performed_on: true } satisfies Record<keyof RecallHit, true>,
  AdverseEventReport: { client_id: true, session_id: true, onset_on: true, description: true, grade: true, causality: true, suspected_device_id: true,
    suspected_lot_id: true, suspected_product_id: true, outcome: true, escalation: true } satisfies Record<keyof AdverseEventReport, true>,
  AdverseEvent: { id: true, client_id: true, client_given_name: true, client_family_name: true, session_id: true, onset_on: true, description: true, grade: true,
    causality: true, suspected_device_id: true, suspected_lot_id: true, suspected_product_id: true, outcome: true, escalation: true, reported_by: true,
    created_at: true, version: true } satisfies Record<keyof AdverseEvent, true>,
  OutcomeAssessment: { id: true, client_id: true, plan_id: true, scale: true, score: true, time_point: true, assessed_on: true, assessed_by: true, photo_ids: true } satisfies Record<keyof OutcomeAssessment, true>,
  StaffMember: { id: true, full_name: true, email: true, role: true, jurisdiction: true, licence_number: true, licence_expires_on: true, supervising_physician_id: true,
    active: true, version: true } satisfies Record<keyof StaffMember, true>,
  Account: { id: true, staff_id: true, email: true, full_name: true, role: true, admin: true, active: true } satisfies Record<keyof Account, true>,
  AuditEntry: { id: true, actor_id: true, action: true, record_type: true, record_id: true, client_id: true, at: true, detail: true } satisfies Record<keyof AuditEntry, true>,
};

describe('charting, safety and admin API types', () => {
  const bySchema = schemas();
  for (const [name, fields] of Object.entries(kTypes)) {
    it(`${name} has the fields of the OpenAPI schema`, () => {
      expect(bySchema[name], `schema ${name}`).toBeDefined();
      expect(Object.keys(fields).sort()).toEqual(Object.keys(bySchema[name]!.properties ?? {}).sort());
    });
  }
});
