import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../api/types';
import { toConsultRequest, emptyRequestForm } from './consultRequest';
import { emptyAnswers, emptyIntakeForm, entryError, fromIntakeHistory, intakeClaims, toIntakeHistory } from './intakeForm';

const vocabulary = {
  kb: { version: 'test', digest: 'sha256:0' },
  zones: [],
  indications: [],
  conditions: [
    { code: 'active_acne', label: 'Active acne', asks: ['zones'] },
    { code: 'diabetes', label: 'Diabetes', asks: ['controlled'] },
    { code: 'keloid', label: 'Keloid scarring' },
  ],
  medications: [{ code: 'isotretinoin', label: 'Oral isotretinoin', asks: ['current', 'last_dose'] }],
  allergies: [{ code: 'lidocaine', label: 'Lidocaine' }],
  procedures: [{ code: 'waxing', label: 'Waxing', asks: ['date', 'zones'] }, { code: 'microneedling', label: 'Microneedling', asks: ['date', 'zones', 'depth_mm'] }],
  roles: [], settings: [], device_kinds: [], needle_materials: [], endpoints: [], checklist: [], outcome_scales: [],
} as Vocabulary;

describe('toIntakeHistory', () => {
  it('writes only what each item asks, in vocabulary order', () => {
    const form = emptyIntakeForm(4);
    form.entries.conditions['diabetes'] = { ...emptyAnswers(), controlled: true, zones: ['cheeks'] };
    form.entries.conditions['active_acne'] = { ...emptyAnswers(), zones: ['forehead'] };
    form.entries.medications['isotretinoin'] = { ...emptyAnswers(), current: false, last_dose: '2026-04-01' };
    form.entries.allergies['lidocaine'] = emptyAnswers();
    form.entries.procedures['microneedling'] = { ...emptyAnswers(), date: '2026-10-30', zones: ['cheeks'], depth_mm: '1.0' };
    const { history, refs } = toIntakeHistory('1990-05-01', form, vocabulary);
    expect(history).toEqual({
      client: { birth_date: '1990-05-01', fitzpatrick: 4, pregnant: false, breastfeeding: false },
      conditions: [{ code: 'active_acne', zones: ['forehead'] }, { code: 'diabetes', controlled: true }],
      medications: [{ code: 'isotretinoin', current: false, last_dose: '2026-04-01' }],
      allergies: [{ code: 'lidocaine' }],
      procedures: [{ code: 'microneedling', date: '2026-10-30', zones: ['cheeks'], depth_mm: 1 }],
    });
    expect(refs['conditions[1]']).toEqual({ category: 'conditions', code: 'diabetes' });
  });

  it('leaves out an unknown skin type and empty dates', () => {
    const form = emptyIntakeForm();
    form.entries.procedures['waxing'] = emptyAnswers();
    const { history } = toIntakeHistory('1990-05-01', form, vocabulary);
    expect(history.client).toEqual({ birth_date: '1990-05-01', pregnant: false, breastfeeding: false });
    expect(history.procedures).toEqual([{ code: 'waxing' }]);
  });

  it('sends a depth that is not a number as typed, for the server to name', () => {
    const form = emptyIntakeForm();
    form.entries.procedures['microneedling'] = { ...emptyAnswers(), depth_mm: 'deep' };
    expect(toIntakeHistory('1990-05-01', form, vocabulary).history.procedures[0]).toEqual({ code: 'microneedling', depth_mm: 'deep' });
  });
});

describe('entryError', () => {
  it('finds the message for one input of one entry by its path', () => {
    const form = emptyIntakeForm();
    form.entries.procedures['waxing'] = { ...emptyAnswers(), date: '2030-01-01', zones: ['moon'] };
    const { refs } = toIntakeHistory('1990-05-01', form, vocabulary);
    const fields = { 'procedures[0].date': 'is in the future', 'procedures[0].zones[0]': 'is not a known zone', 'client.pregnant': 'x' };
    expect(entryError(fields, refs, 'procedures', 'waxing', 'date')).toBe('is in the future');
    expect(entryError(fields, refs, 'procedures', 'waxing', 'zones')).toBe('is not a known zone');
    expect(entryError(fields, refs, 'procedures', 'microneedling', 'date')).toBeUndefined();
    expect(intakeClaims('procedures[0].date', refs)).toBe(true);
    expect(intakeClaims('procedures[3].date', refs)).toBe(false);
    expect(intakeClaims('client.pregnant', refs)).toBe(true);
  });
});

describe('toConsultRequest', () => {
  it('leaves the device out until a kind is chosen', () => {
    expect(toConsultRequest({ ...emptyRequestForm(), indication: 'wrinkles', zones: ['cheeks'] })).toEqual({ requests: [{ indication: 'wrinkles', zones: ['cheeks'] }] });
  });
  it('states the device as entered', () => {
    const body = toConsultRequest({ indication: 'wrinkles', zones: ['cheeks'], deviceKind: 'pen', deviceCleared: true, deviceMaxDepth: '2.5', needleMaterial: 'titanium' });
    expect(body.device).toEqual({ kind: 'pen', cleared: true, max_depth_mm: 2.5, needle_material: 'titanium' });
  });
});

describe('fromIntakeHistory', () => {
  it('gives back the form that writes the same history', () => {
    const history = {
      client: { birth_date: '1990-05-01', fitzpatrick: 2, pregnant: false, breastfeeding: true },
      conditions: [{ code: 'active_acne', zones: ['forehead'] }, { code: 'diabetes', controlled: true }],
      medications: [{ code: 'isotretinoin', current: false, last_dose: '2026-04-01' }],
      allergies: [{ code: 'lidocaine' }],
      procedures: [{ code: 'microneedling', date: '2026-10-30', zones: ['cheeks'], depth_mm: 1 }],
    };
    const form = fromIntakeHistory(history, null);
    expect(toIntakeHistory('1990-05-01', form, vocabulary).history).toEqual(history);
  });
});
