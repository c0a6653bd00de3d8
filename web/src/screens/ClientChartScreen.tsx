import { labelOf, loadVocabulary } from '../api/knowledge';
import { buildTimeline } from '../chart/timeline';
import { loadClientRecord } from '../chart/loadClientRecord';
import { RecordActions } from '../charting/RecordActions';
import { CourseTimeline } from '../course/CourseTimeline';
import { ClientBanner } from '../components/ClientBanner';
import { ErrorMessage } from '../components/ErrorMessage';
import { Link } from '../components/Link';
import { Timeline } from '../components/Timeline';
import { useLoad } from '../components/useAsync';
import type { ScreenProps } from '../routes';
import { useCan } from '../session';

/** One client's chart: the banner, what can be done next, and the timeline of the record. */
export function ClientChartScreen({ params }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const record = useLoad(() => loadClientRecord(clientId), [clientId]);
  const vocabulary = useLoad(() => loadVocabulary().catch(() => null), []);
  if (record.error) return <ErrorMessage report={record.error} />;
  if (!record.data) return <p class="muted">Loading…</p>;
  const { client, parts, chartReadable } = record.data;
  const names = {
    indication: (code: string) => labelOf(vocabulary.data?.indications, code),
    scale: (code: string) => labelOf(vocabulary.data?.outcome_scales, code),
  };
  const latestPhoto = [...parts.photos].filter((photo) => photo.kind === 'baseline').sort((a, b) => b.taken_at - a.taken_at)[0];
  return (
    <>
      <ClientBanner
        client={client}
        latestIntake={parts.intakes[parts.intakes.length - 1]}
        latestScreening={parts.screenings[parts.screenings.length - 1]}
        photo={latestPhoto}
        vocabulary={vocabulary.data}
      />
      <div class="actions no-print">
        {can('record_intake') && can('screen') && (
          <Link href={`/clients/${client.id}/consultation`} class="button primary">
            Start consultation
          </Link>
        )}
        {can('record_intake') && !can('screen') && (
          <Link href={`/clients/${client.id}/consultation`} class="button primary">
            Record intake
          </Link>
        )}
      </div>
      {chartReadable && <RecordActions clientId={client.id} parts={parts} indicationLabel={names.indication} />}
      {chartReadable && <CourseTimeline clientId={client.id} plans={parts.plans} indicationLabel={names.indication} />}
      <section class="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Record</h2>
        {chartReadable ? (
          <Timeline entries={buildTimeline(client.id, parts, names)} />
        ) : (
          <p class="muted">Your role does not include reading the clinical record.</p>
        )}
      </section>
    </>
  );
}
