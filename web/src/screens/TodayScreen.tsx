import { api } from '../api/client';
import type { Today } from '../api/types';
import { Badge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { TodayList } from '../components/TodayList';
import { useLoad } from '../components/useAsync';
import { kDecisionWords } from '../consultation/decisionWords';
import { formatDate, formatInstant, humanize } from '../format';
import type { ScreenProps } from '../routes';
import { useSession } from '../session';

/** The day at a glance: sessions due, clients awaiting clearance, open adverse events, lots near expiry. */
export function TodayScreen(_props: ScreenProps) {
  const session = useSession();
  const today = useLoad(() => api.get<Today>('/today'), []);
  const data = today.data;
  return (
    <>
      <div class="spread">
        <h1>Today{data ? `, ${formatDate(data.date)}` : ''}</h1>
        <p class="muted">Signed in as {session.full_name}</p>
      </div>
      <ErrorMessage report={today.error} />
      {today.loading && !data && <p class="muted">Loading…</p>}
      {data && (
        <div class="grid-2">
          <TodayList title="Sessions due" empty="No sessions are due." count={data.sessions_due.length}>
            {data.sessions_due.map((due) => (
              <li key={`${due.plan_id}-${due.session_id ?? 'due'}`} class="spread">
                <Link href={`/clients/${due.client_id}`}>{due.client_name}</Link>
                <span>
                  {due.due_date && <span class="muted">{formatDate(due.due_date)} </span>}
                  <Badge tone={due.status}>{due.status === 'draft' ? 'Draft to finish' : 'Due'}</Badge>
                </span>
              </li>
            ))}
          </TodayList>
          <TodayList title="Awaiting clearance" empty="No client is waiting for a prescriber." count={data.awaiting_clearance.length}>
            {data.awaiting_clearance.map((waiting) => (
              <li key={waiting.screening_id} class="spread">
                {/* Roles that see no decision may not read the screening either; they get the client. */}
                <Link href={waiting.decision ? `/clients/${waiting.client_id}/screenings/${waiting.screening_id}` : `/clients/${waiting.client_id}`}>
                  {waiting.client_name}
                </Link>
                <span>
                  <span class="muted">{formatInstant(waiting.screened_at)} </span>
                  {waiting.decision && <Badge tone={waiting.decision}>{kDecisionWords[waiting.decision]?.title ?? humanize(waiting.decision)}</Badge>}
                </span>
              </li>
            ))}
          </TodayList>
          {data.open_adverse_events && (
          <TodayList title="Open adverse events" empty="No adverse event is open." count={data.open_adverse_events.length}>
            {data.open_adverse_events.map((event) => (
              <li key={event.event_id}>
                <div class="spread">
                  <Link href={`/clients/${event.client_id}`}>{event.client_name}</Link>
                  <span class="muted">
                    since {formatDate(event.onset)}
                    {event.grade !== undefined && ` · grade ${event.grade}`}
                  </span>
                </div>
                <p class="muted">{event.summary}</p>
              </li>
            ))}
          </TodayList>
          )}
          <TodayList title="Lots near expiry" empty="No lot expires soon." count={data.expiring_lots.length}>
            {data.expiring_lots.map((lot) => (
              <li key={`${lot.kind}-${lot.lot_id}`} class="spread">
                <span>
                  {lot.name} <span class="muted">lot {lot.lot}</span>
                </span>
                <span>expires {formatDate(lot.expires)}</span>
              </li>
            ))}
          </TodayList>
        </div>
      )}
    </>
  );
}
