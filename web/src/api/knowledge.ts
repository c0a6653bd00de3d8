// The knowledge base's vocabulary and rules, read once per page load (they change only with a new
// knowledge base, which needs a server restart).

import { api } from './client';
import type { KbRule, Vocabulary } from './types';

let vocabulary: Promise<Vocabulary> | null = null;
let rules: Promise<KbRule[]> | null = null;

export function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= api.get<Vocabulary>('/knowledge-base/vocabulary').catch((error: unknown) => {
    vocabulary = null;
    throw error;
  });
  return vocabulary;
}

export function loadRules(): Promise<KbRule[]> {
  rules ??= api.get<{ rules: KbRule[] }>('/knowledge-base/rules').then(
    (body) => body.rules,
    (error: unknown) => {
      rules = null;
      throw error;
    },
  );
  return rules;
}

/** A label for a code from one vocabulary list, or the code in words when the list lacks it. */
export function labelOf(list: { code: string; label: string }[] | undefined, code: string): string {
  return list?.find((item) => item.code === code)?.label ?? code.replace(/_/g, ' ');
}
