// Booking one session of a course: the session appointment types, the earliest free slots from the
// session's earliest date (the server checks every resource and working hours), pick one, book.
// A slot taken meanwhile (409) says so and shows the free slots again.

import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Appointment, Slot } from '../api/courseTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Fields';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatDate } from '../format';
import { findSlots, loadCalendarResources, loadClinicDay, roomName, staffName } from './calendarApi';
import { clinicDate, clockTime, type ClinicDay } from './clinicTime';

interface BookSessionProps {
  clientId: number;
  planId: number;
  session: number;
  earliestDate: string;
  onBooked: (appointment: Appointment) => void;
}

export function BookSession({ clientId, planId, session, earliestDate, onBooked }: BookSessionProps) {
  const setup = useLoad(async () => {
    const [resources, day] = await Promise.all([loadCalendarResources(), loadClinicDay(earliestDate)]);
    return { resources, day: day as ClinicDay, types: resources.types.filter((type) => type.active && type.purpose === 'session') };
  }, [earliestDate]);
  const [typeId, setTypeId] = useState('');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [taken, setTaken] = useState(false);
  const submit = useSubmit();
  if (setup.error) return <ErrorMessage report={setup.error} onReload={setup.reload} />;
  if (!setup.data) return <p class="muted">Loading the calendar…</p>;
  const { resources, day, types } = setup.data;
  if (types.length === 0) return <p class="muted">The clinic has no session appointment type yet; an administrator adds one.</p>;
  const type = typeId || String(types[0]!.id);
  const search = (afterTaken: boolean) => submit.run(async () => {
    setTaken(afterTaken);
    setChosen('');
    setSlots(await findSlots(Number(type), day.from));
  });
  const book = () => submit.run(async () => {
    const slot = slots?.[Number(chosen)];
    if (!slot) return;
    try {
      const appointment = await api.post<Appointment>('/appointments', {
        client_id: clientId, plan_id: planId, type_id: Number(type), practitioner_id: slot.practitioner_id,
        ...(slot.room_id !== null ? { room_id: slot.room_id } : {}), ...(slot.device_id !== null ? { device_id: slot.device_id } : {}),
        starts_at: slot.starts_at,
      });
      onBooked(appointment);
    } catch (error) {
      if (error instanceof ApiError && error.report.status === 409) {
        setTaken(true);
        setChosen('');
        setSlots(await findSlots(Number(type), day.from));
        return;
      }
      throw error;
    }
  });
  const slotWords = (slot: Slot) =>
    `${formatDate(clinicDate(slot.starts_at, day))}, ${clockTime(slot.starts_at, day)}–${clockTime(slot.ends_at, day)}, ` +
    `${staffName(resources, slot.practitioner_id)}, ${roomName(resources, slot.room_id)}`;
  return (
    <div class="book-session">
      <SelectField label={`Appointment type for session ${session}`} value={type} onChange={(value) => { setTypeId(value); setSlots(null); }}
        options={types.map((entry) => ({ value: String(entry.id), label: `${entry.name} (${entry.duration_minutes} min)` }))} />
      <button type="button" class="button secondary" disabled={submit.busy} onClick={() => search(false)}>
        Find free slots from {formatDate(earliestDate)}
      </button>
      {taken && <p class="alert alert-error" role="alert">That slot was just taken. These are the free slots now.</p>}
      <ErrorMessage report={submit.error} />
      {slots && slots.length === 0 && <p class="muted">No free slot in the next 90 days.</p>}
      {slots && slots.length > 0 && (
        <fieldset class="slot-list">
          <legend>Free slots (clinic time)</legend>
          {slots.map((slot, index) => (
            <label key={`${slot.starts_at}-${slot.practitioner_id}`} class="slot">
              <input type="radio" name={`slot-${planId}-${session}`} value={String(index)} checked={chosen === String(index)}
                onChange={() => setChosen(String(index))} />
              {slotWords(slot)}
            </label>
          ))}
          <button type="button" class="button primary" disabled={chosen === '' || submit.busy} onClick={book}>
            Book session {session}
          </button>
        </fieldset>
      )}
    </div>
  );
}
