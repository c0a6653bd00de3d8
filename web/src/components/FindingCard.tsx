// One rule that applied to a screening: what it found, why (the basis), until when, and its sources.

import { labelOf } from '../api/knowledge';
import type { DecisionFinding, KbRule, Vocabulary } from '../api/types';
import { kEffectWords } from '../consultation/decisionWords';
import type { Citation } from '../consultation/sources';
import { formatDate } from '../format';
import { Badge } from './Badge';

interface FindingCardProps {
  finding: DecisionFinding;
  rule?: KbRule | undefined;
  citations: Map<string, Citation>;
  vocabulary: Vocabulary | null;
}

export function FindingCard({ finding, rule, citations, vocabulary }: FindingCardProps) {
  return (
    <article class={`finding finding-${finding.effect}`} aria-label={`${finding.rule}: ${finding.summary}`}>
      <header class="spread">
        <h3>
          <span class="rule-id">{finding.rule}</span> {finding.summary}
        </h3>
        <Badge tone={finding.effect}>{kEffectWords[finding.effect]}</Badge>
      </header>
      <dl class="facts">
        <dt>Basis</dt>
        <dd>{finding.basis}</dd>
        {finding.until && (
          <>
            <dt>Until</dt>
            <dd>{formatDate(finding.until)}</dd>
          </>
        )}
        {finding.zones.length > 0 && (
          <>
            <dt>Zones</dt>
            <dd>{finding.zones.map((zone) => labelOf(vocabulary?.zones, zone)).join(', ')}</dd>
          </>
        )}
        {rule?.rationale && (
          <>
            <dt>Why</dt>
            <dd>{rule.rationale}</dd>
          </>
        )}
        <dt>Sources</dt>
        <dd>
          <ul class="sources">
            {finding.sources.map((id) => {
              const citation = citations.get(id);
              return (
                <li key={id}>
                  <strong>{id}</strong>
                  {citation && (
                    <>
                      {' '}
                      {citation.url ? <a href={citation.url} rel="noreferrer" target="_blank">{citation.citation}</a> : citation.citation}
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </dd>
      </dl>
    </article>
  );
}
