import { expect, test } from 'vitest';
import type { VocabularyIndication, VocabularyOutcomeScale } from '../api/types';
import { assessmentMonthsHint, keptScale, scaleHelp, suitableScales, timePointOptions } from './outcomeScales';

// A vocabulary as the server sends it; the codes are examples, not the app's list.
const kScales: VocabularyOutcomeScale[] = [
  { code: 'scar_grade', label: 'Scar grade', min: 1, max: 4 },
  { code: 'vascular_index', label: 'Vascular index', min: 0, max: 13 },
  { code: 'global_improvement', label: 'Global improvement', min: 1, max: 5 },
];
const kScars: VocabularyIndication = { code: 'scars', label: 'Scars', outcome_scales: ['global_improvement', 'scar_grade'], assess_months: [3, 6] };
const kNoMonths: VocabularyIndication = { code: 'other', label: 'Other', outcome_scales: ['global_improvement'], assess_months: [] };

test('only the scales the indication lists are offered, in its order', () => {
  expect(suitableScales(kScales, kScars).map((scale) => scale.code)).toEqual(['global_improvement', 'scar_grade']);
  expect(suitableScales(kScales, undefined)).toEqual([]);
  expect(suitableScales(kScales, { ...kScars, outcome_scales: ['missing_from_vocabulary', 'vascular_index'] }).map((scale) => scale.code)).toEqual(['vascular_index']);
});

test('a chosen scale that does not suit the new plan is cleared; one that does is kept', () => {
  const suitable = suitableScales(kScales, kScars);
  expect(keptScale('scar_grade', suitable)).toBe('scar_grade');
  expect(keptScale('vascular_index', suitable)).toBe('');
  expect(keptScale('', suitable)).toBe('');
});

test('the help says why the scales are limited, citing FU-02', () => {
  expect(scaleHelp(kScars, 'Scars')).toContain('FU-02');
  expect(scaleHelp(kScars, 'Scars')).toContain('Scars');
  expect(scaleHelp(undefined, 'Unknown')).toMatch(/no outcome scale for Unknown/);
});

test('the time point hint and options follow the indication\'s assessment months', () => {
  expect(assessmentMonthsHint(kScars, 'Scars')).toBe('Scars: assessed at baseline, then 3 and 6 months after the course.');
  expect(assessmentMonthsHint({ ...kScars, assess_months: [1, 3, 6, 12] }, 'Burn scars')).toBe('Burn scars: assessed at baseline, then 1, 3, 6 and 12 months after the course.');
  expect(assessmentMonthsHint(kNoMonths, 'Other')).toMatch(/no follow-up months for Other; the physician sets them/);
  const options = timePointOptions(['baseline', 'month_1', 'month_3', 'month_6', 'other'], kScars, (code) => code);
  expect(options).toEqual([
    { value: 'baseline', label: 'baseline (an assessment point)' }, { value: 'month_1', label: 'month_1' },
    { value: 'month_3', label: 'month_3 (an assessment point)' }, { value: 'month_6', label: 'month_6 (an assessment point)' }, { value: 'other', label: 'other' },
  ]);
  expect(timePointOptions(['baseline', 'month_3'], kNoMonths, (code) => code).map((option) => option.label)).toEqual(['baseline', 'month_3']);
});
