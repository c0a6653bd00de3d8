// The clinic calendar: a day (one column per practitioner) or a week (one column per day) of
// appointments in the clinic's time, each movable and cancellable; a practitioner's diary as .ics.

import '../course/course.css';
import { useEffect, useState } from 'preact/hooks';
import { clinicToday } from '../api/clinicToday';
import type { Appointment } from '../api/courseTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Fields';
import { useLoad } from '../components/useAsync';
import { AppointmentCard } from '../course/AppointmentCard';
import { loadCalendarResources, loadClinicDay, staffName, type CalendarResources } from '../course/calendarApi';
import { weekdayName, weekOf, type ClinicDay } from '../course/clinicTime';
import { addDays, formatDate } from '../format';
import type { ScreenProps } from '../routes';
import { navigate } from '../router';

type View = 'day' | 'week';

interface Column {
  key: string;
  heading: string;
  day: ClinicDay;
  items: Appointment[];
}

async function loadColumns(date: string, view: View, resources: CalendarResources): Promise<Column[]> {
  const dates = view === 'week' ? weekOf(date) : [date];
  const days = await Promise.all(dates.map((entry) => loadClinicDay(entry)));
  if (view === 'week') {
    return days.map((day) => ({ key: day.date, heading: `${weekdayName(day.date)} ${formatDate(day.date)}`, day, items: day.list.items }));
  }
  const day = days[0]!;
  const practitioners = [...new Set(day.list.items.map((item) => item.practitioner_id))];
  return practitioners.map((id) => ({
    key: String(id), heading: staffName(resources, id), day, items: day.list.items.filter((item) => item.practitioner_id === id),
  }));
}

export function CalendarScreen({ search }: ScreenProps) {
  const view: View = search.get('view') === 'day' ? 'day' : 'week';
  const [today, setToday] = useState('');
  useEffect(() => void clinicToday().then(setToday), []);
  const date = search.get('date') ?? today;
  const resources = useLoad(loadCalendarResources, []);
  const columns = useLoad(async () => (date && resources.data ? loadColumns(date, view, resources.data) : null), [date, view, resources.data]);
  const [diaryOf, setDiaryOf] = useState('');
  const go = (nextDate: string, nextView: View = view) => navigate(`/calendar?date=${nextDate}&view=${nextView}`);
  const step = view === 'week' ? 7 : 1;
  if (resources.error) return <ErrorMessage report={resources.error} onReload={resources.reload} />;
  if (!date || !resources.data) return <p class="muted">Loading…</p>;
  const staff = [...resources.data.staff.entries()];
  return (
    <>
      <h1>Calendar</h1>
      <div class="calendar-controls no-print" role="group" aria-label="Which days">
        <button type="button" class="button secondary" onClick={() => go(addDays(date, -step))}>
          {view === 'week' ? 'Previous week' : 'Previous day'}
        </button>
        <TextField label="Date" type="date" value={date} onInput={(value) => value && go(value)} />
        <button type="button" class="button secondary" onClick={() => go(addDays(date, step))}>
          {view === 'week' ? 'Next week' : 'Next day'}
        </button>
        <button type="button" class="button secondary" aria-pressed={view === 'day'} onClick={() => go(date, 'day')}>Day</button>
        <button type="button" class="button secondary" aria-pressed={view === 'week'} onClick={() => go(date, 'week')}>Week</button>
      </div>
      <ErrorMessage report={columns.error} onReload={columns.reload} />
      <h2 id="calendar-heading">
        {view === 'week' ? `Week of ${formatDate(weekOf(date)[0])}` : `${weekdayName(date)} ${formatDate(date)}`}
      </h2>
      {columns.data && columns.data.length === 0 && <p class="muted">No appointments this day.</p>}
      {columns.data && columns.data.length > 0 && (
        <div class={`calendar-grid calendar-${view}`}>
          {columns.data.map((column) => (
            <section key={column.key} class="calendar-column" aria-label={column.heading}>
              <h3>{column.heading}</h3>
              {column.items.length === 0 && <p class="muted small">Nothing booked</p>}
              {column.items.map((appointment) => (
                <AppointmentCard key={`${appointment.id}-${appointment.version}`} appointment={appointment} day={column.day}
                  resources={resources.data!} showPractitioner={view === 'week'} onChanged={columns.reload} />
              ))}
            </section>
          ))}
        </div>
      )}
      {staff.length > 0 && (
        <section class="card no-print" aria-labelledby="diary-heading">
          <h2 id="diary-heading">A practitioner's diary</h2>
          <div class="calendar-controls">
            <SelectField label="Practitioner" value={diaryOf} onChange={setDiaryOf} placeholder="Choose…"
              options={staff.map(([id, name]) => ({ value: String(id), label: name }))} />
            {diaryOf && <a class="button secondary" href={`/api/v1/staff/${diaryOf}/diary.ics`} download>Download diary (.ics)</a>}
          </div>
        </section>
      )}
    </>
  );
}
