// The intake form's state and how it becomes the API's intake JSON. The form is built from the
// knowledge base's vocabulary: each item asks only for what its `asks` lists, so the browser knows
// no rule about which dates matter; the engine does.

import type { Ask, IntakeHistory, Vocabulary, VocabularyItem } from '../api/types';

export type Category = 'conditions' | 'medications' | 'allergies' | 'procedures';
export const kCategories: Category[] = ['conditions', 'medications', 'allergies', 'procedures'];

/** What the clinician entered for one ticked vocabulary item. */
export interface EntryAnswers {
  zones: string[];
  resolved: string;
  controlled: boolean;
  current: boolean;
  last_dose: string;
  date: string;
  depth_mm: string;
}

export interface IntakeForm {
  fitzpatrick: string;
  pregnant: boolean;
  breastfeeding: boolean;
  /** Ticked items by category and code. */
  entries: Record<Category, Record<string, EntryAnswers>>;
}

export function emptyAnswers(): EntryAnswers {
  return { zones: [], resolved: '', controlled: false, current: true, last_dose: '', date: '', depth_mm: '' };
}

export function emptyIntakeForm(fitzpatrick: number | null = null): IntakeForm {
  return {
    fitzpatrick: fitzpatrick === null ? '' : String(fitzpatrick),
    pregnant: false,
    breastfeeding: false,
    entries: { conditions: {}, medications: {}, allergies: {}, procedures: {} },
  };
}

/** Where an entry went in the JSON: `conditions[1]` → the condition ticked second in vocabulary order. */
export interface EntryRef {
  category: Category;
  code: string;
}

export interface BuiltIntake {
  history: IntakeHistory;
  refs: Record<string, EntryRef>;
}

function asks(item: VocabularyItem, ask: Ask): boolean {
  return item.asks?.includes(ask) ?? false;
}

function entryJson(item: VocabularyItem, answers: EntryAnswers): Record<string, unknown> {
  const entry: Record<string, unknown> = { code: item.code };
  if (asks(item, 'current')) entry['current'] = answers.current;
  if (asks(item, 'last_dose') && answers.last_dose) entry['last_dose'] = answers.last_dose;
  if (asks(item, 'date') && answers.date) entry['date'] = answers.date;
  if (asks(item, 'resolved') && answers.resolved) entry['resolved'] = answers.resolved;
  if (asks(item, 'controlled')) entry['controlled'] = answers.controlled;
  if (asks(item, 'zones') && answers.zones.length > 0) entry['zones'] = answers.zones;
  if (asks(item, 'depth_mm') && answers.depth_mm.trim() !== '') {
    const depth = Number(answers.depth_mm);
    // A value that is not a number goes as typed, so the server names the field instead of it vanishing.
    entry['depth_mm'] = Number.isFinite(depth) ? depth : answers.depth_mm;
  }
  return entry;
}

/** The intake JSON for POST /clients/{id}/intakes, in vocabulary order, and where each entry went. */
export function toIntakeHistory(birthDate: string, form: IntakeForm, vocabulary: Vocabulary): BuiltIntake {
  const client: IntakeHistory['client'] = { birth_date: birthDate, pregnant: form.pregnant, breastfeeding: form.breastfeeding };
  if (form.fitzpatrick !== '') client.fitzpatrick = Number(form.fitzpatrick);
  const history: IntakeHistory = { client, conditions: [], medications: [], allergies: [], procedures: [] };
  const refs: Record<string, EntryRef> = {};
  for (const category of kCategories) {
    const list = history[category] as Record<string, unknown>[];
    for (const item of vocabulary[category]) {
      const answers = form.entries[category][item.code];
      if (!answers) continue;
      refs[`${category}[${list.length}]`] = { category, code: item.code };
      list.push(entryJson(item, answers));
    }
  }
  return { history, refs };
}

/**
 * The server's message for one input of one entry, e.g. ('medications', 'isotretinoin', 'last_dose'),
 * looked up by the entry's path; messages about the entry as a whole come with ask 'code'.
 */
export function entryError(fields: Record<string, string>, refs: Record<string, EntryRef>, category: Category, code: string, ask: Ask | 'code'): string | undefined {
  const prefix = Object.entries(refs).find(([, ref]) => ref.category === category && ref.code === code)?.[0];
  if (!prefix) return undefined;
  const messages = Object.entries(fields)
    .filter(([path]) => (ask === 'code' ? path === prefix || path === `${prefix}.code` : path === `${prefix}.${ask}` || path.startsWith(`${prefix}.${ask}[`)))
    .map(([, message]) => message);
  return messages.length ? messages.join(' ') : undefined;
}

/** Whether a field path belongs to an input the intake form shows. */
export function intakeClaims(path: string, refs: Record<string, EntryRef>): boolean {
  if (/^client\.(fitzpatrick|pregnant|breastfeeding)$/.test(path)) return true;
  const prefix = /^(\w+\[\d+\])/.exec(path)?.[1];
  return prefix !== undefined && prefix in refs;
}

/** The form filled from an earlier revision, so a returning client's history is only corrected. */
export function fromIntakeHistory(history: IntakeHistory, fitzpatrick: number | null): IntakeForm {
  const form = emptyIntakeForm(history.client?.fitzpatrick ?? fitzpatrick);
  form.pregnant = history.client?.pregnant ?? false;
  form.breastfeeding = history.client?.breastfeeding ?? false;
  for (const category of kCategories) {
    for (const entry of (history[category] ?? []) as Record<string, unknown>[]) {
      const answers = emptyAnswers();
      if (Array.isArray(entry['zones'])) answers.zones = entry['zones'] as string[];
      if (typeof entry['resolved'] === 'string') answers.resolved = entry['resolved'];
      if (typeof entry['controlled'] === 'boolean') answers.controlled = entry['controlled'];
      if (typeof entry['current'] === 'boolean') answers.current = entry['current'];
      if (typeof entry['last_dose'] === 'string') answers.last_dose = entry['last_dose'];
      if (typeof entry['date'] === 'string') answers.date = entry['date'];
      if (typeof entry['depth_mm'] === 'number') answers.depth_mm = String(entry['depth_mm']);
      form.entries[category][String(entry['code'])] = answers;
    }
  }
  return form;
}
