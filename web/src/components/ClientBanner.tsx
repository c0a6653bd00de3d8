// The strip across the top of a client's chart: who they are, their photo and their standing alerts.

import { labelOf } from '../api/knowledge';
import type { Client, IntakeRecord, Screening, Vocabulary } from '../api/types';
import { kDecisionWords } from '../consultation/decisionWords';
import { ageOn, formatDate, localToday } from '../format';
import type { Photo } from '../chart/timeline';
import { Badge } from './Badge';

interface ClientBannerProps {
  client: Client;
  latestIntake?: IntakeRecord | undefined;
  latestScreening?: Screening | undefined;
  photo?: Photo | undefined;
  vocabulary?: Vocabulary | null;
}

/** Facts recorded in the latest intake that everyone treating the client should see at once. */
function standingAlerts(intake: IntakeRecord | undefined, vocabulary: Vocabulary | null | undefined): string[] {
  if (!intake) return [];
  const history = intake.history;
  const alerts: string[] = [];
  for (const allergy of history.allergies ?? []) alerts.push(`Allergy: ${labelOf(vocabulary?.allergies, allergy.code)}`);
  if (history.client?.pregnant) alerts.push('Pregnant');
  if (history.client?.breastfeeding) alerts.push('Breastfeeding');
  for (const medication of history.medications ?? []) {
    if (medication.current) alerts.push(`Taking: ${labelOf(vocabulary?.medications, medication.code)}`);
  }
  return alerts;
}

export function ClientBanner({ client, latestIntake, latestScreening, photo, vocabulary }: ClientBannerProps) {
  const age = ageOn(client.birth_date, localToday());
  const alerts = standingAlerts(latestIntake, vocabulary);
  const decision = latestScreening?.decision.decision;
  return (
    <section class="banner card" aria-label="Client">
      {photo ? (
        <img class="banner-photo" src={`/api/v1/photos/${photo.id}`} alt={`${client.given_name} ${client.family_name}`} />
      ) : (
        <div class="banner-photo placeholder" aria-hidden="true">
          {client.given_name.charAt(0)}
          {client.family_name.charAt(0)}
        </div>
      )}
      <div class="banner-main">
        <h1>
          {client.given_name} {client.family_name}
        </h1>
        <p class="muted">
          Born {formatDate(client.birth_date)}
          {age !== null && ` · ${age} years`}
          {client.fitzpatrick !== null && ` · Fitzpatrick type ${client.fitzpatrick}`}
          {client.phone && ` · ${client.phone}`}
        </p>
        {(alerts.length > 0 || decision) && (
          <ul class="alerts" aria-label="Standing alerts">
            {decision && (
              <li>
                Latest screening: <Badge tone={decision}>{kDecisionWords[decision].title}</Badge>
                {latestScreening && latestScreening.overrides.length > 0 && <span class="muted"> (overridden)</span>}
              </li>
            )}
            {alerts.map((alert) => (
              <li key={alert} class="alert-chip">
                {alert}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
