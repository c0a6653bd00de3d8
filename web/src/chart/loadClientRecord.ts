// Reads everything the client chart shows, in parallel; a part the role may not read stays empty
// rather than failing the whole chart.

import { api } from '../api/client';
import type { Client, ClientChart, Consent, Page, Plan, SessionSummary } from '../api/types';
import type { AdverseEventSummary, OutcomeSummary, Photo, TimelineParts } from './timeline';

export interface ClientRecord {
  client: Client;
  parts: TimelineParts;
  /** False when the role may not read the clinical record (front desk). */
  chartReadable: boolean;
}

async function itemsOr<T>(path: string): Promise<T[]> {
  try {
    return (await api.get<Page<T>>(path)).items;
  } catch {
    return [];
  }
}

export async function loadClientRecord(clientId: string): Promise<ClientRecord> {
  let chart: ClientChart;
  try {
    chart = await api.get<ClientChart>(`/clients/${clientId}/chart`);
  } catch (error) {
    // A role without read_chart still sees the client's details.
    const client = await api.get<Client>(`/clients/${clientId}`).catch(() => {
      throw error;
    });
    const empty: TimelineParts = { intakes: [], screenings: [], plans: [], consents: [], sessions: [], photos: [], adverseEvents: [], outcomes: [] };
    return { client, parts: empty, chartReadable: false };
  }
  const [plans, sessions, photos, adverseEvents] = await Promise.all([
    itemsOr<Plan>(`/clients/${clientId}/plans?limit=200`),
    itemsOr<SessionSummary>(`/clients/${clientId}/sessions?limit=200`),
    itemsOr<Photo>(`/clients/${clientId}/photos?limit=200`),
    itemsOr<AdverseEventSummary>(`/clients/${clientId}/adverse-events?limit=200`),
  ]);
  const outcomes = (await Promise.all(plans.map((plan) => itemsOr<OutcomeSummary>(`/plans/${plan.id}/outcome-assessments?limit=200`)))).flat();
  // Consents have no list of their own yet; the chart gains members as parts are added to it.
  const consents = Array.isArray(chart['consents']) ? (chart['consents'] as Consent[]) : [];
  return {
    client: chart.client,
    parts: { intakes: chart.intakes, screenings: chart.screenings, plans, consents, sessions, photos, adverseEvents, outcomes },
    chartReadable: true,
  };
}
