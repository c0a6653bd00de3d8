// A client's home-rolling plan (GET /clients/{id}/home-care): the regimen in words with the rules
// behind it, and the calendar of roll, rest and paused days with their reasons; prints on paper.

import '../course/course.css';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { HomeCare } from '../api/courseTypes';
import type { Client } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad } from '../components/useAsync';
import { weekdayName } from '../course/clinicTime';
import { countKinds, homeCareWeeks, kDayKindWords } from '../course/homeCareCalendar';
import { formatDate } from '../format';
import type { ScreenProps } from '../routes';

export function HomeCareScreen({ params }: ScreenProps) {
  const clientId = params['client_id']!;
  const [weeks, setWeeks] = useState('8');
  const loaded = useLoad(() => Promise.all([
    api.get<Client>(`/clients/${clientId}`),
    api.get<HomeCare>(`/clients/${clientId}/home-care?weeks=${weeks}`),
  ]), [clientId, weeks]);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const [client, plan] = loaded.data;
  const { regimen } = plan;
  const counts = countKinds(plan.days);
  const replaceOn = new Set(plan.replace_on);
  return (
    <article class="home-care">
      <p class="no-print"><Link href={`/clients/${client.id}`}>Back to the chart</Link></p>
      <h1>Home-care plan for {client.given_name} {client.family_name}</h1>
      <p class="muted">From {formatDate(plan.from)}, {plan.weeks} weeks: {counts.roll} rolling days, {counts.rest} rest days, {counts.paused} paused around clinic sessions.</p>
      <div class="calendar-controls no-print">
        <SelectField label="Weeks shown" value={weeks} onChange={setWeeks}
          options={['4', '8', '12', '26'].map((value) => ({ value, label: `${value} weeks` }))} />
        <button type="button" class="button primary" onClick={() => window.print()}>Print</button>
      </div>
      <section class="card" aria-labelledby="regimen-heading">
        <h2 id="regimen-heading">How to roll at home</h2>
        <ul class="regimen">
          <li>Use a roller of at most {regimen.max_depth_mm} mm. <span class="rule">({regimen.depth_rule})</span></li>
          <li>Roll at most {regimen.max_per_week} times a week and never two days running: at least {regimen.min_days_apart} days from one rolling day to the next. <span class="rule">({regimen.frequency_rule})</span></li>
          <li>Stop rolling {regimen.pause.days_before} days before each clinic session and start again {regimen.pause.days_after} days after it. <span class="rule">({regimen.pause.rule})</span></li>
          <li>Replace the roller after about {regimen.replacement.after_uses} uses. <span class="rule">({regimen.replacement.rule})</span></li>
          <li>
            Do not put these on freshly rolled skin: {regimen.avoid_products.products.join(', ')}.
            {regimen.avoid_products.instead ? ` Instead: ${regimen.avoid_products.instead}.` : ''} <span class="rule">({regimen.avoid_products.rule})</span>
          </li>
          <li>Never: {regimen.never.items.join('; ')}. <span class="rule">({regimen.never.rule})</span></li>
        </ul>
      </section>
      <section class="card" aria-labelledby="days-heading">
        <h2 id="days-heading">Calendar</h2>
        <table class="home-care-calendar">
          <caption class="visually-hidden">Each day: roll, rest or paused, with the reason</caption>
          <thead>
            <tr>{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((name) => <th key={name} scope="col">{name}</th>)}</tr>
          </thead>
          <tbody>
            {homeCareWeeks(plan.days).map((week) => (
              <tr key={week[0]!.date}>
                {week.map((cell) => (
                  <td key={cell.date} class={cell.day ? `hc-${cell.day.kind}` : 'hc-none'}>
                    {cell.day && (
                      <>
                        <span class="hc-date">{weekdayName(cell.date)} {formatDate(cell.date)}</span>
                        <strong class="hc-kind">{kDayKindWords[cell.day.kind]}</strong>
                        {cell.day.reason && <span class="hc-reason">{cell.day.reason}{cell.day.rule ? ` (${cell.day.rule})` : ''}</span>}
                        {replaceOn.has(cell.date) && <span class="hc-reason">Replace the roller after today ({regimen.replacement.rule})</span>}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
