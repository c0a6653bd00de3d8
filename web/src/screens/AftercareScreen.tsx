// The aftercare sheet for a session, in plain language and print-ready: what to expect day by day,
// what to avoid until when, check-ins, warning signs with whom to call, notes with their rule ids.

import '../recordScreens.css';
import '../charting/aftercare.css';
import { api } from '../api/client';
import type { AftercareSheet } from '../api/chartingTypes';
import { byUrgency, signList, spanText, urgencyText, whenText } from '../charting/aftercareText';
import { ErrorMessage } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { useLoad } from '../components/useAsync';
import { formatDate } from '../format';
import type { ScreenProps } from '../routes';

function Sheet({ sheet }: { sheet: AftercareSheet }) {
  return (
    <article class="aftercare-sheet">
      <header class="card">
        <h1>Aftercare for {sheet.client.name}</h1>
        <p>
          Microneedling on {formatDate(sheet.session_date)} at {sheet.clinic.name} with {sheet.practitioner.name}, to a
          deepest depth of {sheet.deepest_mm} mm.
        </p>
        <p class="contact">
          <strong>Questions or worries? Call {sheet.clinic.name}</strong> and ask for {sheet.practitioner.name}. In an emergency, call
          emergency services.
        </p>
      </header>
      <section class="card" aria-labelledby="expect-heading">
        <h2 id="expect-heading">What to expect and what to do</h2>
        {sheet.timeline.map((stage) => (
          <div class="stage" key={`${stage.when}-${stage.from ?? ''}`}>
            <h3>{stage.when}{(stage.from || stage.to) && <span class="muted small"> ({spanText(stage.from, stage.to)})</span>}</h3>
            <p>{stage.expect}</p>
            {stage.do.length > 0 && (
              <ul>
                {stage.do.map((step) => <li key={step}>{step}</li>)}
              </ul>
            )}
          </div>
        ))}
      </section>
      <section class="card" aria-labelledby="avoid-heading">
        <h2 id="avoid-heading">Avoid</h2>
        <table>
          <thead><tr><th scope="col">What</th><th scope="col">Until</th><th scope="col">Rule</th></tr></thead>
          <tbody>
            {sheet.avoid.map((item) => (
              <tr key={`${item.what}-${item.until}`}><td>{item.what}</td><td>{whenText(item.until)}</td><td class="muted small">{item.rule}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
      {sheet.check_ins.length > 0 && (
        <section class="card" aria-labelledby="checkins-heading">
          <h2 id="checkins-heading">Check-ins</h2>
          <ul>
            {sheet.check_ins.map((check) => (
              <li key={`${check.label}-${check.date}`}>{formatDate(check.date)}: {check.label} <span class="muted small">({check.rule})</span></li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="warning-heading">
        <h2 id="warning-heading">Warning signs: call us</h2>
        {byUrgency(sheet.warning_signs).map((warning) => (
          <div class="warning" key={`${warning.rule}-${warning.action}`}>
            <h3>{urgencyText(warning.urgency)}</h3>
            <ul>
              {signList(warning.signs).map((sign) => <li key={sign}>{sign}</li>)}
            </ul>
            <p><strong>{warning.action}</strong> <span class="muted small">({warning.rule})</span></p>
          </div>
        ))}
      </section>
      {sheet.notes.length > 0 && (
        <section class="card" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <ul>
            {sheet.notes.map((note) => <li key={note.rule}>{note.text} <span class="muted small">({note.rule})</span></li>)}
          </ul>
        </section>
      )}
      <p class="muted small">Knowledge base {sheet.kb.version}.</p>
    </article>
  );
}

export function AftercareScreen({ params }: ScreenProps) {
  const sessionId = params['session_id']!;
  const loaded = useLoad(() => api.get<AftercareSheet>(`/sessions/${sessionId}/aftercare`), [sessionId]);
  return (
    <>
      <div class="actions no-print">
        <button type="button" class="button primary" onClick={() => window.print()}>Print</button>
        <Link href={`/sessions/${sessionId}`} class="button secondary">Back to the session</Link>
      </div>
      <ErrorMessage report={loaded.error} onReload={loaded.reload} />
      {loaded.data ? <Sheet sheet={loaded.data} /> : !loaded.error && <p class="muted">Loading…</p>}
    </>
  );
}
