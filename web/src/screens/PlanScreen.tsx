import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { labelOf, loadVocabulary } from '../api/knowledge';
import { unclaimedFieldMessages } from '../api/problem';
import type { Client, Plan, Screening, Vocabulary } from '../api/types';
import { ConsultationSteps } from '../components/ConsultationSteps';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad, useSubmit } from '../components/useAsync';
import { ZoneMap } from '../components/ZoneMap';
import { planFormFrom, toPlanRequest, type PlanForm } from '../consultation/planForm';
import { navigate } from '../router';
import type { ScreenProps } from '../routes';

interface Loaded {
  screening: Screening;
  client: Client;
  vocabulary: Vocabulary;
}

async function load(clientId: string, screeningId: string): Promise<Loaded> {
  const [screening, client, vocabulary] = await Promise.all([
    api.get<Screening>(`/screenings/${screeningId}`),
    api.get<Client>(`/clients/${clientId}`),
    loadVocabulary(),
  ]);
  return { screening, client, vocabulary };
}

/** The plan: the zone map from the screening, the zones and depths planned, sessions and interval. */
export function PlanScreen({ params }: ScreenProps) {
  const clientId = params['client_id']!;
  const screeningId = params['screening_id']!;
  const loaded = useLoad(() => load(clientId, screeningId), [clientId, screeningId]);
  const [form, setForm] = useState<PlanForm | null>(null);
  const [zoneAt, setZoneAt] = useState<string[]>([]);
  const submit = useSubmit();
  useEffect(() => {
    if (loaded.data) setForm(planFormFrom(loaded.data.screening.decision.zones));
  }, [loaded.data]);

  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data || !form) return <p class="muted">Loading…</p>;
  const { screening, client, vocabulary } = loaded.data;
  const fields = submit.error?.fields ?? {};
  const zoneError = (zone: string, part: 'min' | 'max' | 'zone') => {
    const index = zoneAt.indexOf(zone);
    return index < 0 ? undefined : fields[`zones[${index}].${part}`] ?? (part === 'zone' ? fields[`zones[${index}]`] : undefined);
  };
  const setZone = (zone: string, change: Partial<PlanForm['zones'][number]>) =>
    setForm({ ...form, zones: form.zones.map((entry) => (entry.zone === zone ? { ...entry, ...change } : entry)) });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      const { body, zoneAt: order } = toPlanRequest(screening.id, form);
      setZoneAt(order);
      const plan = await api.post<Plan>('/plans', body);
      navigate(`/clients/${client.id}/plans/${plan.id}/consent`);
    });
  };
  const unclaimed = submit.error
    ? unclaimedFieldMessages(submit.error, (path) => /^(sessions|interval_days|zones\[\d+\]\.(min|max))$/.test(path))
    : [];

  return (
    <>
      <ConsultationSteps current="Plan" />
      <h1>
        Plan: <Link href={`/clients/${client.id}`}>{client.given_name} {client.family_name}</Link>
      </h1>
      <p>
        Treating <strong>{labelOf(vocabulary.indications, form.indication)}</strong>. Zones the screening found treatable can be planned,
        each no deeper than its limit.
      </p>
      <section class="card" aria-labelledby="map-heading">
        <h2 id="map-heading">Zones requested</h2>
        <ZoneMap zones={vocabulary.zones} decided={screening.decision.zones} planned={form.zones.filter((zone) => zone.included).map((zone) => zone.zone)} />
      </section>
      <form class="card" onSubmit={onSubmit} noValidate>
        <h2>Course of treatment</h2>
        <ErrorMessage report={submit.error} extra={unclaimed} />
        {form.zones.length === 0 ? (
          <p class="alert alert-info">The screening left no zone that can be treated, so nothing can be planned.</p>
        ) : (
          <table class="plan-zones">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col">Shallowest (mm)</th>
                <th scope="col">Deepest (mm)</th>
              </tr>
            </thead>
            <tbody>
              {form.zones.map((zone) => (
                <tr key={zone.zone}>
                  <td>
                    <Checkbox label={labelOf(vocabulary.zones, zone.zone)} checked={zone.included} onChange={(included) => setZone(zone.zone, { included })} error={zoneError(zone.zone, 'zone')} />
                  </td>
                  <td>
                    <TextField label="Shallowest (mm)" hideLabel context={labelOf(vocabulary.zones, zone.zone)} type="number" step="0.05" min="0" value={zone.min} onInput={(min) => setZone(zone.zone, { min })} error={zoneError(zone.zone, 'min')} />
                  </td>
                  <td>
                    <TextField label="Deepest (mm)" hideLabel context={labelOf(vocabulary.zones, zone.zone)} type="number" step="0.05" min="0" value={zone.max} onInput={(max) => setZone(zone.zone, { max })} error={zoneError(zone.zone, 'max')} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div class="grid-3">
          <TextField label="Number of sessions" type="number" min="1" step="1" value={form.sessions} onInput={(sessions) => setForm({ ...form, sessions })} required error={fields['sessions']} />
          <TextField label="Days between sessions" type="number" min="1" step="1" value={form.interval_days} onInput={(interval_days) => setForm({ ...form, interval_days })} required error={fields['interval_days']} />
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={submit.busy || form.zones.length === 0}>
            {submit.busy ? 'Saving…' : 'Save plan and go to consent'}
          </button>
        </div>
      </form>
    </>
  );
}
