// One appointment in the clinic calendar: when (clinic time), who, where; move it to another date
// and time (If-Match on its version) or cancel it.

import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Appointment } from '../api/courseTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useSubmit } from '../components/useAsync';
import { useCan } from '../session';
import { loadClinicDay, roomName, staffName, type CalendarResources } from './calendarApi';
import { clockTime, instantAt, type ClinicDay } from './clinicTime';

interface AppointmentCardProps {
  appointment: Appointment;
  day: ClinicDay;
  resources: CalendarResources;
  showPractitioner: boolean;
  onChanged: () => void;
}

export function AppointmentCard({ appointment, day, resources, showPractitioner, onChanged }: AppointmentCardProps) {
  const can = useCan();
  const [moving, setMoving] = useState(false);
  const [date, setDate] = useState(day.date);
  const [time, setTime] = useState(clockTime(appointment.starts_at, day));
  const [refused, setRefused] = useState('');
  const submit = useSubmit();
  const type = resources.types.find((entry) => entry.id === appointment.type_id);
  const when = `${clockTime(appointment.starts_at, day)}–${clockTime(appointment.ends_at, day)}`;
  const cancelled = appointment.status === 'cancelled';
  const label = `${when} ${appointment.client_name}`;

  const move = () => submit.run(async () => {
    setRefused('');
    const target = await loadClinicDay(date);
    const startsAt = instantAt(target, time);
    if (startsAt === null) {
      setRefused('Give the time as hours and minutes, e.g. 09:30.');
      return;
    }
    const current = await api.getVersioned<Appointment>(`/appointments/${appointment.id}`);
    try {
      await api.post<Appointment>(`/appointments/${appointment.id}/move`, { starts_at: startsAt }, current.etag);
    } catch (error) {
      if (error instanceof ApiError && error.report.status === 409) {
        setRefused(`That time is taken or outside working hours. ${error.report.message}`);
        return;
      }
      throw error;
    }
    setMoving(false);
    onChanged();
  });
  const cancel = () => submit.run(async () => {
    const current = await api.getVersioned<Appointment>(`/appointments/${appointment.id}`);
    await api.post<Appointment>(`/appointments/${appointment.id}/cancel`, undefined, current.etag);
    onChanged();
  });

  return (
    <article class={`appointment${cancelled ? ' appointment-cancelled' : ''}`} aria-label={label}>
      <p class="appointment-when"><strong>{when}</strong>{cancelled && ' (cancelled)'}</p>
      <p><Link href={`/clients/${appointment.client_id}`}>{appointment.client_name}</Link></p>
      <p class="muted small">
        {type?.name ?? 'Appointment'}
        {showPractitioner ? `, ${staffName(resources, appointment.practitioner_id)}` : ''}, {roomName(resources, appointment.room_id)}
      </p>
      {can('book') && !cancelled && !moving && (
        <div class="appointment-actions no-print">
          <button type="button" class="button secondary small" aria-label={`Move ${label}`} onClick={() => setMoving(true)}>Move</button>
          <button type="button" class="button secondary small" aria-label={`Cancel ${label}`} disabled={submit.busy} onClick={cancel}>Cancel</button>
        </div>
      )}
      {moving && (
        <div class="appointment-move">
          <TextField label="New date" type="date" value={date} onInput={setDate} />
          <TextField label="New time (clinic)" value={time} onInput={setTime} help="24-hour clock on a quarter hour, e.g. 09:30" />
          <div class="appointment-actions">
            <button type="button" class="button primary small" disabled={submit.busy} onClick={move}>Move here</button>
            <button type="button" class="button secondary small" onClick={() => setMoving(false)}>Keep</button>
          </div>
        </div>
      )}
      {refused && <p class="alert alert-error" role="alert">{refused}</p>}
      <ErrorMessage report={submit.error} />
    </article>
  );
}
