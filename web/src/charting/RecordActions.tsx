// What can be done next on a client's record: chart a session on a consented plan, continue a draft,
// report adverse events and score outcomes. Shown on the client chart.

import type { TimelineParts } from '../chart/timeline';
import { Link } from '../components/Link';
import { formatDate } from '../format';
import { useCan } from '../session';

export function RecordActions({ clientId, parts, indicationLabel }: { clientId: number; parts: TimelineParts; indicationLabel: (code: string) => string }) {
  const can = useCan();
  const consented = new Set(parts.consents.map((consent) => consent.plan_id));
  // The chart lists consents once it carries them; until then the server says when a plan has none.
  const plans = parts.plans.filter((plan) => plan.status === 'active' && (parts.consents.length === 0 || consented.has(plan.id)));
  const drafts = parts.sessions.filter((session) => session.status === 'draft');
  return (
    <section class="card no-print" aria-labelledby="record-actions-heading">
      <h2 id="record-actions-heading">Treatment and safety</h2>
      <div class="admin-links">
        {can('chart_session') && drafts.map((session) => (
          <Link key={session.id} href={`/sessions/${session.id}`} class="button primary">
            Continue the session of {formatDate(session.performed_on)}
          </Link>
        ))}
        {can('chart_session') && drafts.length === 0 && plans.map((plan) => (
          <Link key={plan.id} href={`/clients/${clientId}/plans/${plan.id}/session`} class="button primary">
            Chart a session: plan {plan.id}, {indicationLabel(plan.indication)}
          </Link>
        ))}
        <Link href={`/clients/${clientId}/adverse-events`} class="button secondary">Adverse events</Link>
        {parts.plans.length > 0 && (
          <Link href={`/clients/${clientId}/outcomes`} class="button secondary">Outcomes</Link>
        )}
      </div>
    </section>
  );
}
