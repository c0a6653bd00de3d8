// Which outcome scales and follow-up months suit a plan's indication (FU-02), read from the knowledge
// base's vocabulary: the app lists no scale of its own.

import type { TimePoint } from '../api/chartingTypes';
import type { VocabularyIndication, VocabularyOutcomeScale } from '../api/types';

/** The scales the indication lists, in its order; none when the vocabulary lacks the indication. */
export function suitableScales(scales: VocabularyOutcomeScale[], indication: VocabularyIndication | undefined): VocabularyOutcomeScale[] {
  if (!indication) return [];
  return indication.outcome_scales.flatMap((code) => scales.filter((scale) => scale.code === code));
}

/** The chosen scale, or '' when it does not suit the indication now chosen. */
export function keptScale(scale: string, suitable: VocabularyOutcomeScale[]): string {
  return suitable.some((candidate) => candidate.code === scale) ? scale : '';
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}

/** The help under the Scale select: why only these scales are offered. */
export function scaleHelp(indication: VocabularyIndication | undefined, indicationLabel: string): string {
  if (!indication || indication.outcome_scales.length === 0) {
    return `The knowledge base lists no outcome scale for ${indicationLabel}, so none can be recorded for this plan (FU-02).`;
  }
  return `Only the scales suited to ${indicationLabel} are offered (FU-02); the server refuses any other.`;
}

/** The hint under the Time point select: when the indication is assessed. */
export function assessmentMonthsHint(indication: VocabularyIndication | undefined, indicationLabel: string): string {
  const months = indication?.assess_months ?? [];
  if (months.length === 0) return `The knowledge base gives no follow-up months for ${indicationLabel}; the physician sets them.`;
  const unit = months.length === 1 && months[0] === 1 ? 'month' : 'months';
  return `${indicationLabel}: assessed at baseline, then ${joinWords(months.map(String))} ${unit} after the course.`;
}

/** The time points to choose from, those the indication is assessed at marked as such. */
export function timePointOptions(timePoints: TimePoint[], indication: VocabularyIndication | undefined, label: (code: string) => string): { value: string; label: string }[] {
  const months = new Set(indication?.assess_months ?? []);
  return timePoints.map((value) => {
    const month = /^month_(\d+)$/.exec(value);
    const due = value === 'baseline' || (month !== null && months.has(Number(month[1])));
    return { value, label: due && months.size > 0 ? `${label(value)} (an assessment point)` : label(value) };
  });
}
