// The knowledge base, read-only: every rule with its stage, rationale, confidence and sources.

import '../recordScreens.css';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { KbRule } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Fields';
import { useLoad } from '../components/useAsync';

interface RuleList {
  kb: { version: string; digest: string };
  rules: KbRule[];
}

function matches(rule: KbRule, text: string): boolean {
  const wanted = text.trim().toLowerCase();
  return !wanted || `${rule.id} ${rule.title} ${rule.stage} ${rule.rationale}`.toLowerCase().includes(wanted);
}

export function KnowledgeBaseScreen() {
  const loaded = useLoad(() => api.get<RuleList>('/knowledge-base/rules'), []);
  const [filter, setFilter] = useState('');
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const rules = loaded.data.rules.filter((rule) => matches(rule, filter));
  return (
    <>
      <h1>Knowledge base</h1>
      <p class="muted">Version {loaded.data.kb.version}. Read-only: the clinic's medical director changes it through a new knowledge base release.</p>
      <TextField label="Find a rule" type="search" value={filter} onInput={setFilter} help="By id, title, stage or words of its rationale" />
      <section class="card" aria-label="Rules">
        <p class="muted small" role="status">{rules.length} of {loaded.data.rules.length} rules</p>
        {rules.map((rule) => (
          <article class="kb-rule" key={rule.id}>
            <h2>
              <span class="rule-id">{rule.id}</span> {rule.title}
            </h2>
            <p class="muted small">
              Stage: {rule.stage}; confidence {rule.confidence}{rule.configurable ? '; configurable by the clinic' : ''}
            </p>
            <p>{rule.rationale}</p>
            {rule.sources.length > 0 && (
              <ul class="sources small">
                {rule.sources.map((source) => (
                  <li key={source.id}>
                    [{source.id}] {source.url ? <a href={source.url} rel="noreferrer noopener" target="_blank">{source.citation}</a> : source.citation}
                  </li>
                ))}
              </ul>
            )}
          </article>
        ))}
      </section>
    </>
  );
}
