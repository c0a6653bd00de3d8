import type { ScreeningDecision } from '../api/types';
import { kDecisionWords } from '../consultation/decisionWords';
import { formatDate } from '../format';
import { Badge } from './Badge';

/** The engine's decision in plain words, with the earliest date treatment may start. */
export function DecisionSummary({ decision }: { decision: ScreeningDecision }) {
  const words = kDecisionWords[decision.decision];
  return (
    <section class={`decision decision-${decision.decision}`} aria-label="Decision">
      <p class="decision-title">
        <Badge tone={decision.decision}>{words.title}</Badge>
      </p>
      <p>{words.explain}</p>
      {decision.earliest_date && (
        <p>
          Earliest date for treatment: <strong>{formatDate(decision.earliest_date)}</strong>
        </p>
      )}
      <p class="muted small">
        Knowledge base {decision.kb.version}
      </p>
    </section>
  );
}
