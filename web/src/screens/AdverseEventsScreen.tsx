// A client's adverse events, newest onset first, and the form to report a new one.

import '../recordScreens.css';
import { api } from '../api/client';
import type { AdverseEvent } from '../api/chartingTypes';
import type { Client, Page, SessionSummary } from '../api/types';
import { Badge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { useLoad } from '../components/useAsync';
import { formatDate, humanize } from '../format';
import type { ScreenProps } from '../routes';
import { AdverseEventFormCard } from '../safety/AdverseEventFormCard';
import { loadSuspects } from '../safety/suspects';
import { useCan } from '../session';

async function itemsOr<T>(path: string): Promise<T[]> {
  return api.get<Page<T>>(path).then((page) => page.items, () => []);
}

async function load(clientId: string) {
  const [client, events, sessions, { devices, lots, products }] = await Promise.all([
    api.get<Client>(`/clients/${clientId}`),
    api.get<Page<AdverseEvent>>(`/clients/${clientId}/adverse-events?limit=200`).then((page) => page.items),
    itemsOr<SessionSummary>(`/clients/${clientId}/sessions?limit=200`),
    loadSuspects(),
  ]);
  return { client, events, sessions, devices, lots, products };
}

export function AdverseEventsScreen({ params, search }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const loaded = useLoad(() => load(clientId), [clientId]);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { client, events, sessions, devices, lots, products } = loaded.data;
  return (
    <>
      <h1>Adverse events: <Link href={`/clients/${client.id}`}>{client.given_name} {client.family_name}</Link></h1>
      <section class="card" aria-labelledby="events-heading">
        <h2 id="events-heading">Recorded</h2>
        {events.length === 0 ? <p class="muted">No adverse event on record.</p> : (
          <table>
            <thead><tr><th scope="col">Onset</th><th scope="col">What happened</th><th scope="col">Grade</th><th scope="col">Outcome</th></tr></thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td><Link href={`/adverse-events/${event.id}`}>{formatDate(event.onset_on)}</Link></td>
                  <td>{event.description}</td>
                  <td>{event.grade}</td>
                  <td><Badge tone={event.outcome === 'ongoing' ? 'defer' : 'ok'}>{humanize(event.outcome)}</Badge></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {can('record_safety') && (
        <AdverseEventFormCard clientId={client.id} sessions={sessions} devices={devices} lots={lots} products={products}
          sessionId={search.get('session') ?? ''} onReported={() => loaded.reload()} />
      )}
    </>
  );
}
