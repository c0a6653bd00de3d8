// A client's record as one list, newest first: intakes, screenings, plans, consents, sessions,
// photos, adverse events and outcomes, each with where to open it.

import type { Consent, IntakeRecord, Plan, Screening, SessionSummary } from '../api/types';

export interface Photo {
  id: number;
  client_id: number;
  session_id: number | null;
  kind: 'baseline' | 'before' | 'after' | 'follow_up';
  taken_at: number;
}

export interface AdverseEventSummary {
  id: number;
  onset_on: string;
  description: string;
  grade: number;
  outcome: string;
  created_at: number;
}

export interface OutcomeSummary {
  id: number;
  plan_id: number;
  scale: string;
  score: number;
  time_point: string;
  assessed_on: string;
}

export interface TimelineParts {
  intakes: IntakeRecord[];
  screenings: Screening[];
  plans: Plan[];
  consents: Consent[];
  sessions: SessionSummary[];
  photos: Photo[];
  adverseEvents: AdverseEventSummary[];
  outcomes: OutcomeSummary[];
}

export type TimelineKind = 'intake' | 'screening' | 'plan' | 'consent' | 'session' | 'photo' | 'adverse_event' | 'outcome';

export interface TimelineEntry {
  key: string;
  kind: TimelineKind;
  /** Seconds since the epoch, for ordering; a calendar date counts as its noon UTC. */
  at: number;
  /** Set when the record is dated by a calendar day rather than an instant. */
  day?: string;
  title: string;
  /** A code for the badge (a decision, a status), when the entry has one. */
  badge?: string;
  detail?: string;
  href?: string;
}

export function dayToSeconds(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, 12) / 1000;
}

/** How the knowledge base names indications and outcome scales; a code, spaced, when it cannot say. */
export interface TimelineNames {
  indication: (code: string) => string;
  scale: (code: string) => string;
}

const kCodes: TimelineNames = { indication: (code) => code.replace(/_/g, ' '), scale: (code) => code.replace(/_/g, ' ') };

export function buildTimeline(clientId: number, parts: TimelineParts, names: TimelineNames = kCodes): TimelineEntry[] {
  const base = `/clients/${clientId}`;
  const entries: TimelineEntry[] = [
    ...parts.intakes.map((intake): TimelineEntry => ({
      key: `intake-${intake.id}`, kind: 'intake', at: intake.recorded_at,
      title: `Intake, revision ${intake.revision}`,
    })),
    ...parts.screenings.map((screening): TimelineEntry => ({
      key: `screening-${screening.id}`, kind: 'screening', at: screening.screened_at,
      title: 'Screening', badge: screening.decision.decision,
      detail: screening.overrides.length ? `Overridden by a prescriber: ${screening.overrides[screening.overrides.length - 1]!.reason}` : undefined,
      href: `${base}/screenings/${screening.id}`,
    })),
    ...parts.plans.map((plan): TimelineEntry => ({
      key: `plan-${plan.id}`, kind: 'plan', at: plan.created_at,
      title: `Plan: ${names.indication(plan.indication)}, ${plan.sessions} sessions every ${plan.interval_days} days`,
      badge: plan.status, href: `${base}/plans/${plan.id}/consent`,
    })),
    ...parts.consents.map((consent): TimelineEntry => ({
      key: `consent-${consent.id}`, kind: 'consent', at: consent.signed_at,
      title: `Consent signed by ${consent.signer_name}`, detail: consent.items.join(', '), badge: 'signed',
    })),
    ...parts.sessions.map((session): TimelineEntry => ({
      key: `session-${session.id}`, kind: 'session', at: dayToSeconds(session.performed_on), day: session.performed_on,
      title: 'Treatment session', badge: session.status, href: `/sessions/${session.id}`,
    })),
    ...parts.photos.map((photo): TimelineEntry => ({
      key: `photo-${photo.id}`, kind: 'photo', at: photo.taken_at,
      title: `Photo: ${photo.kind.replace(/_/g, ' ')}`, href: `/api/v1/photos/${photo.id}`,
    })),
    ...parts.adverseEvents.map((event): TimelineEntry => ({
      key: `adverse-${event.id}`, kind: 'adverse_event', at: dayToSeconds(event.onset_on), day: event.onset_on,
      title: `Adverse event, grade ${event.grade}`, detail: event.description, badge: event.outcome,
      href: `/adverse-events/${event.id}`,
    })),
    ...parts.outcomes.map((outcome): TimelineEntry => ({
      key: `outcome-${outcome.id}`, kind: 'outcome', at: dayToSeconds(outcome.assessed_on), day: outcome.assessed_on,
      title: `Outcome, ${outcome.time_point.replace(/_/g, ' ')}: ${names.scale(outcome.scale)} ${outcome.score}`,
      href: `/outcome-assessments/${outcome.id}`,
    })),
  ];
  return entries.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
}
