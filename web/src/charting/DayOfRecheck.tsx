// The day-of re-check: a new screening of the client's latest intake for today, for the plan's
// indication and zones, shown with its decision and findings (TP-06 asks for it before charting).

import { api } from '../api/client';
import type { Plan, Screening } from '../api/types';
import { Badge } from '../components/Badge';
import { DecisionSummary } from '../components/DecisionSummary';
import { ErrorMessage } from '../components/ErrorMessage';
import { useSubmit } from '../components/useAsync';
import { OverrideForm } from '../components/OverrideForm';
import { kEffectWords, screeningAllowsPlanning } from '../consultation/decisionWords';
import { formatInstant } from '../format';

interface DayOfRecheckProps {
  plan: Plan;
  screening: Screening | null;
  device: { kind: string; cleared: boolean; max_depth_mm: number } | null;
  canScreen: boolean;
  canOverride: boolean;
  /** The server's message about today's screening when charting was refused for it. */
  error?: string | undefined;
  onScreened: (screening: Screening) => void;
}

export function DayOfRecheck({ plan, screening, device, canScreen, canOverride, error, onScreened }: DayOfRecheckProps) {
  const submit = useSubmit();
  const recheck = () =>
    submit.run(async () => {
      const body = {
        requests: [{ indication: plan.indication, zones: plan.zones.map((zone) => zone.zone) }],
        ...(device ? { device } : {}),
      };
      onScreened(await api.post<Screening>(`/clients/${plan.client_id}/screenings`, body));
    });
  return (
    <section class="card" aria-labelledby="recheck-heading">
      <h2 id="recheck-heading">Day-of re-check</h2>
      <ErrorMessage report={submit.error} />
      {error && <p class="field-error" role="alert">{error}</p>}
      {screening ? (
        <>
          <p class="muted small">Screened today at {formatInstant(screening.screened_at)} on intake revision {screening.intake_id}.</p>
          <DecisionSummary decision={screening.decision} />
          {screening.decision.findings.length > 0 && (
            <ul class="list-plain">
              {screening.decision.findings.map((finding) => (
                <li key={`${finding.rule}-${finding.zones.join()}`}>
                  <Badge tone={finding.effect}>{kEffectWords[finding.effect]}</Badge> <strong>{finding.rule}</strong> {finding.summary}
                  {finding.basis && <span class="muted small"> ({finding.basis})</span>}
                </li>
              ))}
            </ul>
          )}
          {screening.overrides.map((override) => (
            <p key={override.id} class="alert alert-info">
              Cleared by prescriber {override.prescriber_id} on {formatInstant(override.decided_at)}: {override.reason}
            </p>
          ))}
          {canOverride && !screeningAllowsPlanning(screening.decision.decision, screening.overrides.length > 0) && (
            <OverrideForm screeningId={screening.id}
              onDone={(override) => onScreened({ ...screening, overrides: [...screening.overrides, override] })} />
          )}
        </>
      ) : (
        <p>The client's latest intake has not been screened today. Confirm nothing has changed, then re-check before treating.</p>
      )}
      {canScreen && (
        <div class="actions">
          <button type="button" class={screening ? 'button secondary' : 'button primary'} onClick={() => void recheck()} disabled={submit.busy}>
            {submit.busy ? 'Re-checking…' : screening ? 'Re-check again' : 'Re-check today'}
          </button>
        </div>
      )}
    </section>
  );
}
