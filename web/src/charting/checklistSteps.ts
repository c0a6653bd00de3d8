// The protocol checklist's steps (TP-06), as the knowledge base lists them in the vocabulary. The
// browser keeps no list of its own: without the vocabulary there are no steps to tick.

import type { Vocabulary } from '../api/types';

export interface ChecklistStep {
  step: string;
  label: string;
  may_skip?: boolean;
}

export function checklistSteps(vocabulary: Vocabulary | null): ChecklistStep[] {
  return (vocabulary?.checklist ?? []).map((entry) => ({ step: entry.code, label: entry.label, may_skip: entry.may_skip }));
}
