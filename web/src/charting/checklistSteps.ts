// The protocol checklist's steps (TP-06). The knowledge base owns them; the vocabulary endpoint is
// read for them when it lists them, and the step codes the server checks are the fallback.

import type { Vocabulary } from '../api/types';
import { humanize } from '../format';

export interface ChecklistStep {
  step: string;
  label: string;
}

/** The codes of kb/rules/technique.yaml TP-06, in the order they are done; the server checks them. */
const kStepCodes = ['cleanse', 'anaesthetic', 'antisepsis', 'glide', 'needling', 'endpoint', 'calming', 'sun_protection'];

export function checklistSteps(vocabulary: Vocabulary | null): ChecklistStep[] {
  const listed = (vocabulary as (Vocabulary & { checklist?: ChecklistStep[] }) | null)?.checklist;
  if (Array.isArray(listed) && listed.length > 0) return listed;
  return kStepCodes.map((step) => ({ step, label: humanize(step) }));
}
