// Source ids (R64…) to their citations, gathered from the knowledge base's rules.

import type { KbRule } from '../api/types';

export interface Citation {
  id: string;
  citation: string;
  url?: string;
}

export function citationsById(rules: KbRule[]): Map<string, Citation> {
  const byId = new Map<string, Citation>();
  for (const rule of rules) {
    for (const source of rule.sources) {
      if (!byId.has(source.id)) byId.set(source.id, source);
    }
  }
  return byId;
}
