// One adverse event: what was recorded, its outcome brought up to date (PUT with If-Match), and
// amendments beside it.

import '../recordScreens.css';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AdverseEvent, EventOutcome } from '../api/chartingTypes';
import { loadStaffNames, staffName } from '../api/staffNames';
import { Amendments } from '../charting/Amendments';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatDate, formatInstant, humanize } from '../format';
import type { ScreenProps } from '../routes';
import { kEventOutcomes } from '../safety/adverseEventForm';
import { loadSuspects, suspectedText } from '../safety/suspects';
import { useCan } from '../session';

export function AdverseEventScreen({ params }: ScreenProps) {
  const can = useCan();
  const eventId = params['event_id']!;
  const loaded = useLoad(() => api.getVersioned<AdverseEvent>(`/adverse-events/${eventId}`), [eventId]);
  const staff = useLoad(loadStaffNames, []);
  const suspects = useLoad(loadSuspects, []);
  const [outcome, setOutcome] = useState<EventOutcome | ''>('');
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { body: event, etag } = loaded.data;
  const onSubmit = (submitEvent: Event) => {
    submitEvent.preventDefault();
    void submit.run(async () => {
      await api.put<AdverseEvent>(`/adverse-events/${event.id}/outcome`, { outcome: outcome || event.outcome }, etag);
      setSaved('Outcome recorded.');
      loaded.reload();
    });
  };
  return (
    <>
      <h1>Adverse event: <Link href={`/clients/${event.client_id}`}>{event.client_given_name} {event.client_family_name}</Link></h1>
      <div class="side-by-side">
        <div>
          <section class="card" aria-labelledby="event-heading">
            <h2 id="event-heading">Onset {formatDate(event.onset_on)}, grade {event.grade}</h2>
            <p>{event.description}</p>
            <dl class="facts">
              <dt>Causality</dt><dd>{humanize(event.causality)}</dd>
              <dt>Outcome</dt><dd>{humanize(event.outcome)}</dd>
              <dt>Session</dt><dd>{event.session_id ? <Link href={`/sessions/${event.session_id}`}>Session {event.session_id}</Link> : 'None'}</dd>
              <dt>Suspected</dt>
              <dd>{suspectedText(event, suspects.data)}</dd>
              <dt>Escalation</dt><dd>{event.escalation || 'None recorded'}</dd>
              <dt>Recorded</dt><dd>{formatInstant(event.created_at)} by {staffName(staff.data, event.reported_by)}</dd>
            </dl>
          </section>
          {can('record_safety') && (
            <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="outcome-heading">
              <h2 id="outcome-heading">Record the outcome</h2>
              <ErrorMessage report={submit.error} onReload={loaded.reload} />
              <SelectField label="Outcome" value={outcome || event.outcome} onChange={(value) => setOutcome(value as EventOutcome)}
                options={kEventOutcomes.map((value) => ({ value, label: humanize(value) }))} error={submit.error?.fields['outcome']} />
              <p class="muted small" role="status">{saved}</p>
              <div class="actions">
                <button type="submit" class="button primary" disabled={submit.busy}>{submit.busy ? 'Saving…' : 'Save outcome'}</button>
              </div>
            </form>
          )}
        </div>
        <Amendments recordType="adverse_event" recordId={event.id} canAmend={can('amend')} />
      </div>
    </>
  );
}
