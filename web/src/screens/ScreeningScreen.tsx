import { api } from '../api/client';
import { labelOf, loadRules, loadVocabulary } from '../api/knowledge';
import type { Client, KbRule, Screening, Vocabulary } from '../api/types';
import { Badge } from '../components/Badge';
import { ConsultationSteps } from '../components/ConsultationSteps';
import { DecisionSummary } from '../components/DecisionSummary';
import { ErrorMessage } from '../components/ErrorMessage';
import { FindingCard } from '../components/FindingCard';
import { Link } from '../components/Link';
import { OverrideForm } from '../components/OverrideForm';
import { useLoad } from '../components/useAsync';
import { kLimitedByWords, kZoneStatusWords, screeningAllowsPlanning } from '../consultation/decisionWords';
import { citationsById } from '../consultation/sources';
import { formatDepthRange, formatInstant } from '../format';
import type { ScreenProps } from '../routes';
import { useCan } from '../session';

interface Loaded {
  screening: Screening;
  client: Client;
  vocabulary: Vocabulary | null;
  rules: KbRule[];
}

async function load(clientId: string, screeningId: string): Promise<Loaded> {
  const [screening, client, vocabulary, rules] = await Promise.all([
    api.get<Screening>(`/screenings/${screeningId}`),
    api.get<Client>(`/clients/${clientId}`),
    loadVocabulary().catch(() => null),
    loadRules().catch(() => [] as KbRule[]),
  ]);
  return { screening, client, vocabulary, rules };
}

/** The screening: the decision in plain words, each finding with its rule and sources, the zones, overrides. */
export function ScreeningScreen({ params }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const screeningId = params['screening_id']!;
  const loaded = useLoad(() => load(clientId, screeningId), [clientId, screeningId]);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { screening, client, vocabulary, rules } = loaded.data;
  const decision = screening.decision;
  const citations = citationsById(rules);
  const overridden = screening.overrides.length > 0;
  const proceeds = decision.decision === 'proceed' || decision.decision === 'proceed_with_caution';
  const prescribers = (vocabulary?.roles ?? []).filter((role) => role.prescriber).map((role) => role.label.toLowerCase());
  return (
    <>
      <ConsultationSteps current="Screening" />
      <div class="spread">
        <h1>
          Screening: <Link href={`/clients/${client.id}`}>{client.given_name} {client.family_name}</Link>
        </h1>
        <span class="muted">{formatInstant(screening.screened_at)}</span>
      </div>
      <DecisionSummary decision={decision} />

      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">Findings</h2>
        {decision.findings.length === 0 ? (
          <p class="empty">No rule applied.</p>
        ) : (
          <div class="findings">
            {decision.findings.map((finding, index) => (
              <FindingCard key={`${finding.rule}-${index}`} finding={finding} rule={rules.find((rule) => rule.id === finding.rule)} citations={citations} vocabulary={vocabulary} />
            ))}
          </div>
        )}
      </section>

      <section class="card" aria-labelledby="zones-heading">
        <h2 id="zones-heading">Zones</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col">Indication</th>
              <th scope="col">Status</th>
              <th scope="col">Needle depth</th>
              <th scope="col">Limited by</th>
            </tr>
          </thead>
          <tbody>
            {decision.zones.map((zone) => (
              <tr key={`${zone.zone}-${zone.indication}`}>
                <td>{labelOf(vocabulary?.zones, zone.zone)}</td>
                <td>{labelOf(vocabulary?.indications, zone.indication)}</td>
                <td>
                  <Badge tone={zone.status}>{kZoneStatusWords[zone.status]}</Badge>
                </td>
                <td>{formatDepthRange(zone.depth_mm)}</td>
                <td>{kLimitedByWords[zone.limited_by]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {overridden && (
        <section class="card" aria-labelledby="overrides-heading">
          <h2 id="overrides-heading">Overrides</h2>
          <ul class="list-plain">
            {screening.overrides.map((override) => (
              <li key={override.id}>
                <p>{override.reason}</p>
                <p class="muted small">Recorded {formatInstant(override.decided_at)}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!proceeds && !overridden && (can('override_screening') ? (
        <OverrideForm screeningId={screening.id} onDone={loaded.reload} />
      ) : (
        <p class="alert alert-info" role="note">
          Only a prescriber{prescribers.length > 0 && ` (${prescribers.join(', ')})`} can override this screening. Ask one to review it;
          it is listed under "Awaiting clearance" on their Today screen.
        </p>
      ))}

      <div class="actions">
        {can('plan_and_consent') && screeningAllowsPlanning(decision.decision, overridden) && (
          <Link href={`/clients/${client.id}/screenings/${screening.id}/plan`} class="button primary">
            Plan treatment
          </Link>
        )}
        <Link href={`/clients/${client.id}`} class="button secondary">
          Back to the chart
        </Link>
      </div>
    </>
  );
}
