import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { loadVocabulary } from '../api/knowledge';
import { unclaimedFieldMessages } from '../api/problem';
import type { Client, IntakeRecord, Page, Screening, Vocabulary } from '../api/types';
import { ConsultationSteps } from '../components/ConsultationSteps';
import { ErrorMessage } from '../components/ErrorMessage';
import { IntakeFormFields } from '../components/IntakeFormFields';
import { TreatmentRequestFields } from '../components/TreatmentRequestFields';
import { useLoad, useSubmit } from '../components/useAsync';
import { emptyRequestForm, toConsultRequest, type RequestForm } from '../consultation/consultRequest';
import { emptyIntakeForm, fromIntakeHistory, intakeClaims, toIntakeHistory, type EntryRef, type IntakeForm } from '../consultation/intakeForm';
import { navigate } from '../router';
import type { ScreenProps } from '../routes';
import { useCan } from '../session';

interface Start {
  client: Client;
  vocabulary: Vocabulary;
  latest: IntakeRecord | undefined;
}

async function loadStart(clientId: string): Promise<Start> {
  const [client, vocabulary, intakes] = await Promise.all([
    api.get<Client>(`/clients/${clientId}`),
    loadVocabulary(),
    api.get<Page<IntakeRecord>>(`/clients/${clientId}/intakes?limit=200`).catch(() => null),
  ]);
  return { client, vocabulary, latest: intakes?.items[intakes.items.length - 1] };
}

/** Which request the last failure came from: the intake and the screening name fields differently. */
type FailedStep = 'intake' | 'screening';

/** The consultation's first step: the client's history and today's request, then the engine screens it. */
export function ConsultationScreen({ params }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const start = useLoad(() => loadStart(clientId), [clientId]);
  const [intake, setIntake] = useState<IntakeForm>(emptyIntakeForm());
  const [request, setRequest] = useState<RequestForm>(emptyRequestForm());
  const [refs, setRefs] = useState<Record<string, EntryRef>>({});
  const [failedStep, setFailedStep] = useState<FailedStep>('intake');
  const [recorded, setRecorded] = useState<string | null>(null);
  const submit = useSubmit();
  const screens = can('screen');

  useEffect(() => {
    if (!start.data) return;
    const { client, latest } = start.data;
    setIntake(latest ? fromIntakeHistory(latest.history, client.fitzpatrick) : emptyIntakeForm(client.fitzpatrick));
  }, [start.data]);

  if (start.error) return <ErrorMessage report={start.error} onReload={start.reload} />;
  if (!start.data) return <p class="muted">Loading…</p>;
  const { client, vocabulary } = start.data;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      const built = toIntakeHistory(client.birth_date, intake, vocabulary);
      setRefs(built.refs);
      const json = JSON.stringify(built.history);
      // A screening refused after the intake was stored must not store the same history twice.
      if (json !== recorded) {
        setFailedStep('intake');
        await api.post<IntakeRecord>(`/clients/${client.id}/intakes`, built.history);
        setRecorded(json);
      }
      if (!screens) {
        navigate(`/clients/${client.id}`);
        return;
      }
      setFailedStep('screening');
      const screening = await api.post<Screening>(`/clients/${client.id}/screenings`, toConsultRequest(request));
      navigate(`/clients/${client.id}/screenings/${screening.id}`);
    });
  };

  const fields = submit.error?.fields ?? {};
  const intakeFields = failedStep === 'intake' ? fields : {};
  const requestFields = failedStep === 'screening' ? fields : {};
  const unclaimed = submit.error
    ? unclaimedFieldMessages(submit.error, (path) =>
        failedStep === 'intake' ? intakeClaims(path, refs) : /^(requests|device)\b/.test(path))
    : [];

  return (
    <>
      <ConsultationSteps current="Intake" />
      <h1>
        Consultation: {client.given_name} {client.family_name}
      </h1>
      {start.data.latest && <p class="muted">The form starts from intake revision {start.data.latest.revision}; correct what has changed.</p>}
      <form onSubmit={onSubmit} noValidate>
        <section class="card">
          <h2>History</h2>
          <IntakeFormFields vocabulary={vocabulary} form={intake} onChange={setIntake} fields={intakeFields} refs={refs} />
        </section>
        {screens && (
          <section class="card">
            <h2>Request</h2>
            <TreatmentRequestFields vocabulary={vocabulary} form={request} onChange={setRequest} fields={requestFields} />
          </section>
        )}
        <div class="sticky-actions">
          <ErrorMessage report={submit.error} extra={unclaimed} />
          <button type="submit" class="button primary" disabled={submit.busy}>
            {submit.busy ? 'Working…' : screens ? 'Record intake and screen' : 'Record intake'}
          </button>
        </div>
      </form>
    </>
  );
}
