// The intake form: every vocabulary item of the knowledge base, each asking for the dates and
// details its `asks` lists, with its help text and the server's message beside the input concerned.

import type { Ask, Vocabulary, VocabularyItem } from '../api/types';
import { emptyAnswers, entryError, type Category, type EntryAnswers, type EntryRef, type IntakeForm } from '../consultation/intakeForm';
import { Checkbox, SelectField, TextField } from './Fields';
import { ZoneChecklist } from './ZoneChecklist';

const kCategoryTitles: Record<Category, { legend: string; hint: string }> = {
  conditions: { legend: 'Conditions', hint: 'Tick every condition the client has or has had.' },
  medications: { legend: 'Medications', hint: 'Tick every medication taken now or recently.' },
  allergies: { legend: 'Allergies', hint: 'Tick every known allergy or sensitivity.' },
  procedures: { legend: 'Recent procedures', hint: 'Tick procedures done on the skin, with their dates.' },
};

const kSkinTypes = ['1', '2', '3', '4', '5', '6'].map((value) => ({ value, label: `Type ${value}` }));

interface IntakeFormFieldsProps {
  vocabulary: Vocabulary;
  form: IntakeForm;
  onChange: (form: IntakeForm) => void;
  fields: Record<string, string>;
  refs: Record<string, EntryRef>;
}

function AskInputs({ item, answers, vocabulary, set, error }: {
  item: VocabularyItem;
  answers: EntryAnswers;
  vocabulary: Vocabulary;
  set: (answers: EntryAnswers) => void;
  error: (ask: Ask) => string | undefined;
}) {
  const asks = item.asks ?? [];
  if (asks.length === 0) return null;
  return (
    <div class="entry-details">
      {asks.includes('current') && <Checkbox label="Taking it now" context={item.label} checked={answers.current} onChange={(current) => set({ ...answers, current })} error={error('current')} />}
      {asks.includes('last_dose') && <TextField label="Last dose" context={item.label} type="date" value={answers.last_dose} onInput={(last_dose) => set({ ...answers, last_dose })} error={error('last_dose')} />}
      {asks.includes('date') && <TextField label="Date done" context={item.label} type="date" value={answers.date} onInput={(date) => set({ ...answers, date })} error={error('date')} />}
      {asks.includes('resolved') && <TextField label="Resolved on" context={item.label} type="date" value={answers.resolved} onInput={(resolved) => set({ ...answers, resolved })} help="Leave empty while it is active." error={error('resolved')} />}
      {asks.includes('controlled') && <Checkbox label="Well controlled" context={item.label} checked={answers.controlled} onChange={(controlled) => set({ ...answers, controlled })} error={error('controlled')} />}
      {asks.includes('depth_mm') && <TextField label="Needle depth (mm)" context={item.label} type="number" step="0.05" min="0" value={answers.depth_mm} onInput={(depth_mm) => set({ ...answers, depth_mm })} error={error('depth_mm')} />}
      {asks.includes('zones') && (
        <ZoneChecklist legend={`${item.label}: zones affected`} zones={vocabulary.zones} selected={answers.zones} onChange={(zones) => set({ ...answers, zones })} error={error('zones')} />
      )}
    </div>
  );
}

export function IntakeFormFields({ vocabulary, form, onChange, fields, refs }: IntakeFormFieldsProps) {
  const setEntry = (category: Category, code: string, answers: EntryAnswers | null) => {
    const entries = { ...form.entries[category] };
    if (answers) entries[code] = answers;
    else delete entries[code];
    onChange({ ...form, entries: { ...form.entries, [category]: entries } });
  };
  return (
    <>
      <fieldset>
        <legend>The client today</legend>
        <div class="grid-3">
          <SelectField label="Fitzpatrick skin type" value={form.fitzpatrick} onChange={(fitzpatrick) => onChange({ ...form, fitzpatrick })} options={kSkinTypes} placeholder="Not assessed" error={fields['client.fitzpatrick']} />
          <Checkbox label="Pregnant" checked={form.pregnant} onChange={(pregnant) => onChange({ ...form, pregnant })} error={fields['client.pregnant']} />
          <Checkbox label="Breastfeeding" checked={form.breastfeeding} onChange={(breastfeeding) => onChange({ ...form, breastfeeding })} error={fields['client.breastfeeding']} />
        </div>
      </fieldset>
      {(Object.keys(kCategoryTitles) as Category[]).map((category) => (
        <fieldset key={category} class="intake-category">
          <legend>{kCategoryTitles[category].legend}</legend>
          <p class="help">{kCategoryTitles[category].hint}</p>
          <div class="entry-list">
            {vocabulary[category].map((item) => {
              const answers = form.entries[category][item.code];
              const error = (ask: Ask | 'code') => entryError(fields, refs, category, item.code, ask);
              return (
                <div key={item.code} class={answers ? 'entry ticked' : 'entry'}>
                  <Checkbox label={item.label} checked={Boolean(answers)} onChange={(on) => setEntry(category, item.code, on ? emptyAnswers() : null)} help={item.help} error={error('code')} />
                  {answers && <AskInputs item={item} answers={answers} vocabulary={vocabulary} set={(next) => setEntry(category, item.code, next)} error={error} />}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
