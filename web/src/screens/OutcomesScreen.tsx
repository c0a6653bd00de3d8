// Outcome scoring: baseline and current photographs side by side, each plan's assessments, and a new
// score on a scale of the knowledge base (the server checks the scale and its range).

import '../recordScreens.css';
import { useEffect, useId, useState } from 'preact/hooks';
import { clinicToday } from '../api/clinicToday';
import { api } from '../api/client';
import { loadVocabulary } from '../api/knowledge';
import { unclaimedFieldMessages } from '../api/problem';
import type { OutcomeAssessment, PhotoRecord } from '../api/chartingTypes';
import type { Client, Page, Plan, VocabularyOutcomeScale } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatDate, formatInstant, humanize, localToday } from '../format';
import type { ScreenProps } from '../routes';
import { comparisonPhotos, kTimePoints, outcomeRequest, type OutcomeForm } from '../safety/outcomeForm';
import { useCan } from '../session';

async function load(clientId: string) {
  const [client, plans, photos] = await Promise.all([
    api.get<Client>(`/clients/${clientId}`),
    api.get<Page<Plan>>(`/clients/${clientId}/plans?limit=200`).then((page) => page.items),
    api.get<Page<PhotoRecord>>(`/clients/${clientId}/photos?limit=200`).then((page) => page.items),
  ]);
  const assessments = (await Promise.all(
    plans.map((plan) => api.get<Page<OutcomeAssessment>>(`/plans/${plan.id}/outcome-assessments?limit=200`).then((page) => page.items)),
  )).flat();
  const vocabulary = await loadVocabulary();
  return { client, plans, photos, assessments, scales: vocabulary.outcome_scales };
}

function PhotoFigure({ photo, caption }: { photo: PhotoRecord | undefined; caption: string }) {
  return (
    <figure>
      {photo ? <img src={`/api/v1/photos/${photo.id}`} alt={`${caption}: ${photo.kind.replace('_', ' ')} photograph of ${formatInstant(photo.taken_at)}`} />
        : <p class="muted">No photograph yet.</p>}
      <figcaption>{caption}{photo && <span class="muted small"> ({formatInstant(photo.taken_at)})</span>}</figcaption>
    </figure>
  );
}

function FollowUpPhoto({ clientId, onStored }: { clientId: number; onStored: () => void }) {
  const id = useId();
  const submit = useSubmit();
  return (
    <div class="field file-field">
      <ErrorMessage report={submit.error} />
      <label for={id}>Take or choose a follow-up photograph</label>
      <input id={id} type="file" accept="image/jpeg,image/png" capture="environment" disabled={submit.busy}
        onChange={(event) => {
          const file = (event.currentTarget as HTMLInputElement).files?.[0];
          if (file) void submit.run(async () => { await api.putFile(`/clients/${clientId}/photos/follow_up`, file); onStored(); });
        }} />
    </div>
  );
}

function scaleLabel(scale: VocabularyOutcomeScale): string {
  return scale.min !== null && scale.max !== null ? `${scale.label} (${scale.min}–${scale.max})` : scale.label;
}

export function OutcomesScreen({ params }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const loaded = useLoad(() => load(clientId), [clientId]);
  const [form, setForm] = useState<OutcomeForm>({ plan_id: '', scale: '', score: '', time_point: '', assessed_on: localToday() });
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  useEffect(() => {
    void clinicToday().then((today) => setForm((old) => (old.assessed_on === localToday() ? { ...old, assessed_on: today } : old)));
  }, []);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { client, plans, photos, assessments, scales } = loaded.data;
  const { baseline, current } = comparisonPhotos(photos);
  const fields = submit.error?.fields ?? {};
  const set = (key: keyof OutcomeForm) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  const planId = form.plan_id || String(plans[0]?.id ?? '');
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.post<OutcomeAssessment>('/outcome-assessments', outcomeRequest({ ...form, plan_id: planId }));
      setSaved('Score recorded.');
      loaded.reload();
    });
  };
  return (
    <>
      <h1>Outcomes: <Link href={`/clients/${client.id}`}>{client.given_name} {client.family_name}</Link></h1>
      <section class="card" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Baseline and now</h2>
        <div class="photo-pair">
          <PhotoFigure photo={baseline} caption="Baseline" />
          <PhotoFigure photo={current} caption="Current" />
        </div>
        {can('chart_session') && <FollowUpPhoto clientId={client.id} onStored={loaded.reload} />}
      </section>
      <section class="card" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Scores</h2>
        {assessments.length === 0 ? <p class="muted">No outcome scored yet.</p> : (
          <table>
            <thead><tr><th scope="col">Assessed</th><th scope="col">Plan</th><th scope="col">Scale</th><th scope="col">Score</th><th scope="col">Time point</th></tr></thead>
            <tbody>
              {assessments.map((assessment) => (
                <tr key={assessment.id}>
                  <td>{formatDate(assessment.assessed_on)}</td><td>{assessment.plan_id}</td><td>{assessment.scale}</td>
                  <td>{assessment.score}</td><td>{humanize(assessment.time_point)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {can('record_safety') && plans.length > 0 && (
        <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="score-heading">
          <h2 id="score-heading">Score the outcome</h2>
          <ErrorMessage report={submit.error}
            extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => ['plan_id', 'scale', 'score', 'time_point', 'assessed_on'].includes(path)) : []} />
          <div class="grid-2">
            <SelectField label="Plan" value={planId} onChange={set('plan_id')} error={fields['plan_id']}
              options={plans.map((plan) => ({ value: String(plan.id), label: `Plan ${plan.id}: ${plan.indication.replace(/_/g, ' ')}` }))} />
            <SelectField label="Scale" value={form.scale} onChange={set('scale')} placeholder="Choose…" error={fields['scale']}
              help="The knowledge base's scales; the server checks the one chosen fits the plan's indication"
              options={scales.map((scale) => ({ value: scale.code, label: scaleLabel(scale) }))} />
            <TextField label="Score" type="number" step="any" value={form.score} onInput={set('score')} error={fields['score']} />
            <SelectField label="Time point" value={form.time_point} onChange={set('time_point')} placeholder="Choose…" error={fields['time_point']}
              options={kTimePoints.map((value) => ({ value, label: humanize(value) }))} />
            <TextField label="Assessed on" type="date" value={form.assessed_on} onInput={set('assessed_on')} error={fields['assessed_on']} />
          </div>
          <p class="muted small" role="status">{saved}</p>
          <div class="actions">
            <button type="submit" class="button primary" disabled={submit.busy}>{submit.busy ? 'Saving…' : 'Record score'}</button>
          </div>
        </form>
      )}
    </>
  );
}
