// Checks the hand-written API types against the OpenAPI document, which is authoritative: each
// `satisfies Record<keyof T, true>` list must name exactly T's fields (the compiler checks that), and
// this test checks the list names exactly the schema's properties.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  KbRule, Vocabulary, VocabularyIndication,
  Client, Consent, ConsentItems, DecisionFinding, DecisionZone, IntakeRecord, Plan, PlanZone, Screening,
  ScreeningDecision, ScreeningOverride, SessionInfo, SessionSummary,
} from './types';

const kApiDir = join(__dirname, '..', '..', '..', 'api');

function schemas(): Record<string, { properties?: Record<string, unknown> }> {
  const all: Record<string, { properties?: Record<string, unknown> }> = {};
  const files = [join(kApiDir, 'openapi.json'), ...readdirSync(join(kApiDir, 'paths')).map((name) => join(kApiDir, 'paths', name))];
  for (const file of files) {
    const document = JSON.parse(readFileSync(file, 'utf8'));
    Object.assign(all, document.components?.schemas ?? {});
  }
  return all;
}

const kTypes: Record<string, Record<string, true>> = {
  Client: { id: true, given_name: true, family_name: true, birth_date: true, email: true, phone: true, fitzpatrick: true, version: true, created_at: true, updated_at: true } satisfies Record<keyof Client, true>,
  SessionInfo: { account_id: true, staff_id: true, clinic_id: true, full_name: true, role: true, admin: true, permissions: true, time_zone: true, csrf_token: true, expires_at: true } satisfies Record<keyof SessionInfo, true>,
  IntakeRecord: { id: true, client_id: true, revision: true, history: true, recorded_by: true, recorded_at: true } satisfies Record<keyof IntakeRecord, true>,
  ScreeningDecision: { decision: true, earliest_date: true, findings: true, zones: true, consent_items: true, kb: true } satisfies Record<keyof ScreeningDecision, true>,
  DecisionFinding: { rule: true, effect: true, until: true, zones: true, summary: true, basis: true, sources: true } satisfies Record<keyof DecisionFinding, true>,
  DecisionZone: { zone: true, indication: true, status: true, depth_mm: true, limited_by: true, endpoint: true } satisfies Record<keyof DecisionZone, true>,
  Screening: { id: true, client_id: true, intake_id: true, as_of: true, decision: true, kb_version: true, kb_digest: true, screened_by: true, screened_at: true, overrides: true } satisfies Record<keyof Screening, true>,
  ScreeningOverride: { id: true, screening_id: true, prescriber_id: true, reason: true, decided_at: true } satisfies Record<keyof ScreeningOverride, true>,
  Plan: { id: true, client_id: true, screening_id: true, indication: true, sessions: true, interval_days: true, status: true, zones: true, created_by: true, created_at: true, version: true } satisfies Record<keyof Plan, true>,
  PlanZone: { zone: true, min: true, max: true, cap: true } satisfies Record<keyof PlanZone, true>,
  ConsentItems: { plan_id: true, client_id: true, screening_id: true, items: true, texts: true, text_version: true, text_digest: true } satisfies Record<keyof ConsentItems, true>,
  Consent: { id: true, client_id: true, plan_id: true, items: true, text_version: true, text_digest: true, signature: true, signer_name: true, photo_consent: true, witnessed_by: true, signed_at: true } satisfies Record<keyof Consent, true>,
  Vocabulary: { kb: true, zones: true, indications: true, conditions: true, medications: true, allergies: true, procedures: true, roles: true, settings: true, device_kinds: true, needle_materials: true, endpoints: true, checklist: true, outcome_scales: true } satisfies Record<keyof Vocabulary, true>,
  Rule: { id: true, title: true, stage: true, rationale: true, confidence: true, configurable: true, sources: true } satisfies Record<keyof KbRule, true>,
  SessionSummary: { id: true, plan_id: true, practitioner_id: true, performed_on: true, status: true, version: true } satisfies Record<keyof SessionSummary, true>,
};

describe('API types', () => {
  const bySchema = schemas();
  it('VocabularyIndication has the fields of VocabularyEntry and its own', () => {
    const own = { outcome_scales: true, assess_months: true } satisfies Record<Exclude<keyof VocabularyIndication, 'code' | 'label' | 'help' | 'asks'>, true>;
    expect(Object.keys(own).sort()).toEqual(Object.keys(bySchema['VocabularyIndication']?.properties ?? {}).sort());
    expect(Object.keys(bySchema['VocabularyEntry']?.properties ?? {})).toEqual(expect.arrayContaining(['code', 'label']));
  });
  for (const [name, fields] of Object.entries(kTypes)) {
    it(`${name} has the fields of the OpenAPI schema`, () => {
      expect(bySchema[name], `schema ${name}`).toBeDefined();
      expect(Object.keys(fields).sort()).toEqual(Object.keys(bySchema[name]!.properties ?? {}).sort());
    });
  }
});
