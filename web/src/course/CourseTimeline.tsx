// The client chart's courses: for each active plan, its course from GET /plans/{id}/course in date
// order (sessions done and to come, the rule that bound each one's earliest date, follow-ups and
// preparation), with booking of the sessions to come, the client's appointments and the links to
// the home-care plan and the appointments' .ics file.

import './course.css';
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { clinicToday } from '../api/clinicToday';
import type { AppointmentList, PlanCourse } from '../api/courseTypes';
import type { Plan } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { useLoad } from '../components/useAsync';
import { formatDate } from '../format';
import { useCan } from '../session';
import { BookSession } from './BookSession';
import { clinicDate, clockTime } from './clinicTime';
import { courseEntries, type CourseEntry } from './courseTimeline';

const kKindWords: Record<CourseEntry['kind'], string> = {
  done: 'Done',
  scheduled: 'To come',
  follow_up: 'Follow-up',
  preparation: 'Preparation',
};

function PlanCourseCard({ clientId, course, indicationLabel, onBooked }: { clientId: number; course: PlanCourse; indicationLabel: (code: string) => string; onBooked: () => void }) {
  const can = useCan();
  const [booking, setBooking] = useState<number | null>(null);
  const [booked, setBooked] = useState('');
  const headingId = `course-${course.plan_id}-heading`;
  return (
    <section class="card course" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Course: {indicationLabel(course.indication)}, {course.done.length} of {course.sessions} sessions done
      </h3>
      <p class="muted small">
        Every {course.interval_days} days at the least; as of {formatDate(course.as_of)}
        {course.series_ends ? `; the series ends ${formatDate(course.series_ends)} at the earliest` : ''}
        {course.no_response_from ? `; may be closed as no response from ${formatDate(course.no_response_from)} (FU-03)` : ''}.
      </p>
      <p class="alert alert-success" role="status" hidden={!booked}>{booked}</p>
      {course.booked.filter((appointment) => appointment.needs_new_date).map((appointment) => (
        <p key={appointment.appointment_id} class="alert alert-error" role="alert">
          The session booked for {formatDate(appointment.date)} needs a new date: {appointment.problem ?? 'the course no longer allows it'}.
          Move it from the calendar; Corium never moves a client's appointment by itself.
        </p>
      ))}
      <ol class="course-entries">
        {courseEntries(course).map((entry) => (
          <li key={entry.key} class={`course-entry course-${entry.kind}`}>
            <span class="course-date">{formatDate(entry.date)}</span>
            <span class="course-kind">{kKindWords[entry.kind]}</span>
            <div class="course-body">
              <strong>{entry.title}</strong>
              {entry.detail && <p class="course-detail">{entry.detail}</p>}
              {entry.rules.length > 0 && <p class="muted small">Rule {entry.rules.join(', ')}</p>}
              {entry.session !== undefined && can('book') && course.status === 'active' && (
                booking === entry.session ? (
                  <BookSession clientId={clientId} planId={course.plan_id} session={entry.session}
                    earliestDate={course.scheduled.find((session) => session.number === entry.session)!.earliest_date}
                    onBooked={(appointment) => {
                      setBooking(null);
                      setBooked(`Session ${entry.session} booked (appointment ${appointment.id}).`);
                      onBooked();
                    }} />
                ) : (
                  <button type="button" class="button secondary small" onClick={() => setBooking(entry.session!)}>
                    Book session {entry.session}
                  </button>
                )
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CourseTimeline({ clientId, plans, indicationLabel }: { clientId: number; plans: Plan[]; indicationLabel: (code: string) => string }) {
  const can = useCan();
  const active = plans.filter((plan) => plan.status === 'active');
  const courses = useLoad(() => Promise.all(active.map((plan) => api.get<PlanCourse>(`/plans/${plan.id}/course`))),
    [active.map((plan) => plan.id).join(',')]);
  // The client's appointments of the next 60 clinic days, read on the clinic's clock as of today.
  const appointments = useLoad(async () => {
    if (!can('read_calendar')) return null;
    const today = await clinicToday();
    const list = await api.get<AppointmentList>(`/appointments?date=${today}&days=60&client_id=${clientId}`);
    return { day: { date: today, from: list.from, to: list.to }, items: list.items.filter((item) => item.status === 'booked') };
  }, [clientId]);
  return (
    <section class="card" aria-labelledby="courses-heading">
      <h2 id="courses-heading">Courses of treatment</h2>
      <p class="actions no-print">
        <Link href={`/clients/${clientId}/home-care`} class="button secondary">Home-care plan</Link>
        {can('read_calendar') && <a class="button secondary" href={`/api/v1/clients/${clientId}/appointments.ics`} download>Appointments (.ics)</a>}
      </p>
      {active.length === 0 && <p class="muted">No active plan.</p>}
      <ErrorMessage report={courses.error} onReload={courses.reload} />
      {courses.data?.map((course) => (
        <PlanCourseCard key={course.plan_id} clientId={clientId} course={course} indicationLabel={indicationLabel} onBooked={appointments.reload} />
      ))}
      {appointments.data && appointments.data.items.length > 0 && (
        <>
          <h3>Appointments booked</h3>
          <ul class="list-plain">
            {appointments.data.items.map((appointment) => {
              const date = clinicDate(appointment.starts_at, appointments.data!.day);
              return (
                <li key={appointment.id}>
                  <Link href={`/calendar?date=${date}&view=week`}>
                    {formatDate(date)}, {clockTime(appointment.starts_at, appointments.data!.day)}
                  </Link>{' '}
                  (appointment {appointment.id}{appointment.plan_id !== null ? `, plan ${appointment.plan_id}` : ''})
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
