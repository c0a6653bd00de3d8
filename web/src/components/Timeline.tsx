import type { TimelineEntry, TimelineKind } from '../chart/timeline';
import { kDecisionWords } from '../consultation/decisionWords';
import { formatDate, formatInstant, humanize } from '../format';
import { Badge } from './Badge';
import { Link } from './Link';

const kKindWords: Record<TimelineKind, string> = {
  intake: 'Intake',
  screening: 'Screening',
  plan: 'Plan',
  consent: 'Consent',
  session: 'Session',
  photo: 'Photo',
  adverse_event: 'Adverse event',
  outcome: 'Outcome',
};

function badgeWords(code: string): string {
  return code in kDecisionWords ? kDecisionWords[code as keyof typeof kDecisionWords].title : humanize(code);
}

/** The client's record, newest first. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="empty">Nothing is on record yet.</p>;
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={entry.key} class={`timeline-entry kind-${entry.kind}`}>
          <span class="timeline-when">{entry.day ? formatDate(entry.day) : formatInstant(entry.at)}</span>
          <span class="timeline-kind">{kKindWords[entry.kind]}</span>
          <span class="timeline-what">
            {entry.href && entry.kind !== 'photo' ? <Link href={entry.href}>{entry.title}</Link> : entry.href ? <a href={entry.href}>{entry.title}</a> : entry.title}
            {entry.badge && (
              <>
                {' '}
                <Badge tone={entry.badge}>{badgeWords(entry.badge)}</Badge>
              </>
            )}
            {entry.detail && <span class="timeline-detail">{entry.detail}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
