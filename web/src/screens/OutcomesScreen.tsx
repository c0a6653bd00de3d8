// Outcome scoring: baseline and current photographs side by side, each plan's assessments, and a new
// score on a scale the knowledge base suits to the plan's indication (FU-02), with the photographs it
// was given on (the server checks the scale, its range and the photographs).

import '../recordScreens.css';
import { useEffect, useId, useState } from 'preact/hooks';
import { clinicToday } from '../api/clinicToday';
import { api } from '../api/client';
import { loadStaffNames, staffName } from '../api/staffNames';
import { labelOf, loadVocabulary } from '../api/knowledge';
import { unclaimedFieldMessages } from '../api/problem';
import type { OutcomeAssessment, PhotoRecord } from '../api/chartingTypes';
import type { Client, Page, Plan, Vocabulary, VocabularyOutcomeScale } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatDate, formatInstant, humanize, localToday } from '../format';
import type { ScreenProps } from '../routes';
import { OutcomePhotoPicker, photoCaption } from '../safety/OutcomePhotoPicker';
import { comparisonPhotos, isPhotoPath, kTimePoints, outcomeRequest, photoErrors, toggledPhoto, type OutcomeForm } from '../safety/outcomeForm';
import { assessmentMonthsHint, keptScale, scaleHelp, suitableScales, timePointOptions } from '../safety/outcomeScales';
import { useCan } from '../session';

async function load(clientId: string) {
  const [client, plans, photos, staff] = await Promise.all([
    api.get<Client>(`/clients/${clientId}`),
    api.get<Page<Plan>>(`/clients/${clientId}/plans?limit=200`).then((page) => page.items),
    api.get<Page<PhotoRecord>>(`/clients/${clientId}/photos?limit=200`).then((page) => page.items),
    loadStaffNames(),
  ]);
  const assessments = (await Promise.all(
    plans.map((plan) => api.get<Page<OutcomeAssessment>>(`/plans/${plan.id}/outcome-assessments?limit=200`).then((page) => page.items)),
  )).flat();
  const vocabulary = await loadVocabulary();
  return { client, plans, photos, assessments, vocabulary, staff };
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

/** The photographs linked to an assessment, each a thumbnail opening the full image. */
function LinkedPhotos({ photoIds, photos }: { photoIds: number[]; photos: PhotoRecord[] }) {
  if (photoIds.length === 0) return <span class="muted">None</span>;
  return (
    <ul class="linked-photos">
      {photoIds.map((photoId) => {
        const photo = photos.find((candidate) => candidate.id === photoId);
        const name = photo ? photoCaption(photo) : `Photograph ${photoId}`;
        return (
          <li key={photoId}>
            <a href={`/api/v1/photos/${photoId}`} target="_blank" rel="noopener" aria-label={`Open ${name}`}>
              <img src={`/api/v1/photos/${photoId}`} alt={name} loading="lazy" />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The indication of a plan, the vocabulary's entry for it, and its label. */
function planIndication(vocabulary: Vocabulary, plan: Plan | undefined) {
  const code = plan?.indication ?? '';
  return { indication: vocabulary.indications.find((entry) => entry.code === code), label: labelOf(vocabulary.indications, code) };
}

function scaleLabel(scale: VocabularyOutcomeScale): string {
  return scale.min !== null && scale.max !== null ? `${scale.label} (${scale.min}–${scale.max})` : scale.label;
}

export function OutcomesScreen({ params }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const loaded = useLoad(() => load(clientId), [clientId]);
  const [form, setForm] = useState<OutcomeForm>({ plan_id: '', scale: '', score: '', time_point: '', assessed_on: localToday(), photo_ids: [] });
  const [saved, setSaved] = useState('');
  const [sentPhotoIds, setSentPhotoIds] = useState<number[]>([]);
  const submit = useSubmit();
  useEffect(() => {
    void clinicToday().then((today) => setForm((old) => (old.assessed_on === localToday() ? { ...old, assessed_on: today } : old)));
  }, []);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { client, plans, photos, assessments, vocabulary, staff } = loaded.data;
  const { baseline, current } = comparisonPhotos(photos);
  const fields = submit.error?.fields ?? {};
  const set = (key: keyof OutcomeForm) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  const planId = form.plan_id || String(plans[0]?.id ?? '');
  const indicationOf = (id: string) => planIndication(vocabulary, plans.find((plan) => String(plan.id) === id));
  const { indication, label: indicationLabel } = indicationOf(planId);
  const scales = suitableScales(vocabulary.outcome_scales, indication);
  const choosePlan = (id: string) =>
    setForm((old) => ({ ...old, plan_id: id, scale: keptScale(old.scale, suitableScales(vocabulary.outcome_scales, indicationOf(id).indication)) }));
  const togglePhoto = (photoId: number, ticked: boolean) => setForm((old) => ({ ...old, photo_ids: toggledPhoto(old.photo_ids, photoId, ticked) }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      setSentPhotoIds(form.photo_ids);
      await api.post<OutcomeAssessment>('/outcome-assessments', outcomeRequest({ ...form, plan_id: planId }));
      setForm((old) => ({ ...old, photo_ids: [] }));
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
          <div class="table-wrap"><table>
            <thead><tr><th scope="col">Assessed</th><th scope="col">Plan</th><th scope="col">Scale</th><th scope="col">Score</th><th scope="col">Time point</th><th scope="col">By</th><th scope="col">Photographs</th></tr></thead>
            <tbody>
              {assessments.map((assessment) => (
                <tr key={assessment.id}>
                  <td>{formatDate(assessment.assessed_on)}</td><td>{assessment.plan_id}: {indicationOf(String(assessment.plan_id)).label}</td><td>{labelOf(vocabulary.outcome_scales, assessment.scale)}</td>
                  <td>{assessment.score}</td><td>{humanize(assessment.time_point)}</td><td>{staffName(staff, assessment.assessed_by)}</td>
                  <td><LinkedPhotos photoIds={assessment.photo_ids} photos={photos} /></td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      </section>
      {can('record_safety') && plans.length > 0 && (
        <form class="card" onSubmit={onSubmit} noValidate aria-labelledby="score-heading">
          <h2 id="score-heading">Score the outcome</h2>
          <ErrorMessage report={submit.error}
            extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => ['plan_id', 'scale', 'score', 'time_point', 'assessed_on'].includes(path) || isPhotoPath(path)) : []} />
          <div class="grid-2">
            <SelectField label="Plan" value={planId} onChange={choosePlan} error={fields['plan_id']}
              options={plans.map((plan) => ({ value: String(plan.id), label: `Plan ${plan.id}: ${labelOf(vocabulary.indications, plan.indication)}` }))} />
            <SelectField label="Scale" value={form.scale} onChange={set('scale')} placeholder="Choose…" error={fields['scale']}
              help={scaleHelp(indication, indicationLabel)}
              options={scales.map((scale) => ({ value: scale.code, label: scaleLabel(scale) }))} />
            <TextField label="Score" type="number" step="any" value={form.score} onInput={set('score')} error={fields['score']} />
            <SelectField label="Time point" value={form.time_point} onChange={set('time_point')} placeholder="Choose…" error={fields['time_point']}
              help={assessmentMonthsHint(indication, indicationLabel)} options={timePointOptions(kTimePoints, indication, humanize)} />
            <TextField label="Assessed on" type="date" value={form.assessed_on} onInput={set('assessed_on')} error={fields['assessed_on']} />
          </div>
          <OutcomePhotoPicker photos={photos} chosen={form.photo_ids} onToggle={togglePhoto} errors={photoErrors(fields, sentPhotoIds)} />
          <p class="muted small" role="status">{saved}</p>
          <div class="actions">
            <button type="submit" class="button primary" disabled={submit.busy}>{submit.busy ? 'Saving…' : 'Record score'}</button>
          </div>
        </form>
      )}
    </>
  );
}
