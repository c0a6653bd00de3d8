// Session charting: the day-of re-check, the protocol checklist, device and cartridge, each zone's
// depth, passes and endpoint, products with lots, photographs; saved as a draft, then signed and
// locked. A signed session shows read-only with its amendments beside it.

import '../recordScreens.css';
import { useEffect, useState } from 'preact/hooks';
import { api, type Versioned } from '../api/client';
import { labelOf } from '../api/knowledge';
import { unclaimedFieldMessages } from '../api/problem';
import type { ChartedSession } from '../api/chartingTypes';
import type { Screening } from '../api/types';
import { Amendments } from '../charting/Amendments';
import { checklistSteps } from '../charting/checklistSteps';
import { ChecklistFields } from '../charting/ChecklistFields';
import { DayOfRecheck } from '../charting/DayOfRecheck';
import { DeviceAndCartridge } from '../charting/DeviceAndCartridge';
import { loadChartingContext, type ChartingContext } from '../charting/loadChartingContext';
import { ProductsFields } from '../charting/ProductsFields';
import { SessionPhotos } from '../charting/SessionPhotos';
import { emptySessionForm, endpointsFrom, sessionChartRequest, sessionFieldPaths, sessionFormFrom, type SessionForm } from '../charting/sessionForm';
import { SignedSession } from '../charting/SignedSession';
import { TreatedZonesFields } from '../charting/TreatedZonesFields';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, TextArea } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatDate } from '../format';
import { navigate } from '../router';
import type { ScreenProps } from '../routes';
import { useCan } from '../session';

interface Loaded {
  context: ChartingContext;
  session: Versioned<ChartedSession> | null;
}

async function load(planId: string | undefined, sessionId: string | undefined): Promise<Loaded> {
  if (sessionId) {
    const session = await api.getVersioned<ChartedSession>(`/sessions/${sessionId}`);
    return { context: await loadChartingContext(session.body.plan_id), session };
  }
  return { context: await loadChartingContext(planId!), session: null };
}

function ChartingForm({ loaded, onSaved }: { loaded: Loaded; onSaved: (session: Versioned<ChartedSession>) => void }) {
  const can = useCan();
  const { context, session } = loaded;
  const steps = checklistSteps(context.vocabulary);
  const stepCodes = steps.map((step) => step.step);
  const [form, setForm] = useState<SessionForm>(() =>
    session ? sessionFormFrom(session.body, stepCodes) : emptySessionForm(context.plan, stepCodes));
  const [screening, setScreening] = useState<Screening | null>(context.todaysScreening);
  const [confirmed, setConfirmed] = useState(false);
  const [saved, setSaved] = useState('');
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  const claimed = new Set([...sessionFieldPaths(form), 'screening']);
  const device = context.devices.find((item) => String(item.id) === form.device_id);
  const update = (change: Partial<SessionForm>) => setForm((old) => ({ ...old, ...change }));
  // Today's screening names each zone's endpoint (TP-05); it fills the endpoints not yet chosen.
  const onScreened = (stored: Screening) => {
    setScreening(stored);
    setForm((old) => ({ ...old, zones: endpointsFrom(stored, old.zones) }));
  };

  const save = async (): Promise<Versioned<ChartedSession>> => {
    const body = sessionChartRequest(context.plan.id, form);
    if (!session) {
      const created = await api.post<ChartedSession>('/sessions', body);
      return api.getVersioned<ChartedSession>(`/sessions/${created.id}`);
    }
    await api.put<ChartedSession>(`/sessions/${session.body.id}`, body, session.etag);
    return api.getVersioned<ChartedSession>(`/sessions/${session.body.id}`);
  };
  const onSaveDraft = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      const stored = await save();
      setSaved('Draft saved.');
      onSaved(stored);
    });
  };
  const onSign = () =>
    submit.run(async () => {
      const stored = await save();
      await api.post<ChartedSession>(`/sessions/${stored.body.id}/sign`, {}, stored.etag);
      onSaved(await api.getVersioned<ChartedSession>(`/sessions/${stored.body.id}`));
    });

  return (
    <>
      <DayOfRecheck plan={context.plan} screening={screening} canScreen={can('screen')}
        canOverride={can('override_screening')} error={fields['screening']}
        device={device ? { kind: device.kind, cleared: device.cleared, max_depth_mm: device.max_depth_mm } : null} onScreened={onScreened} />
      <form onSubmit={onSaveDraft} noValidate>
        <ErrorMessage report={submit.error} extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => claimed.has(path)) : []}
          onReload={() => window.location.reload()} />
        <DeviceAndCartridge devices={context.devices} shelf={context.shelf} deviceId={form.device_id} cartridgeId={form.cartridge_id}
          charted={session ? { id: session.body.cartridge_id, cartridge: session.body.cartridge } : null}
          fields={fields} onDevice={(device_id) => update({ device_id })} onCartridge={(cartridge_id) => update({ cartridge_id })} />
        <ChecklistFields steps={steps} checklist={form.checklist} anaesthetic={form.anaesthetic} products={context.products} fields={fields}
          onTick={(step, state) => update({ checklist: { ...form.checklist, [step]: state } })} onAnaesthetic={(anaesthetic) => update({ anaesthetic })} />
        <TreatedZonesFields plan={context.plan} zones={form.zones} vocabulary={context.vocabulary} canOverride={can('override_screening')} fields={fields}
          onChange={(index, row) => update({ zones: form.zones.map((old, at) => (at === index ? row : old)) })} />
        <ProductsFields rows={form.products} products={context.products} steps={steps} fields={fields} onChange={(products) => update({ products })} />
        <section class="card" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <TextArea label="Session notes" value={form.notes} onInput={(notes) => update({ notes })} error={fields['notes']} />
        </section>
        {session && <SessionPhotos sessionId={session.body.id} editable />}
        <section class="card sticky-actions" aria-label="Save or sign">
          <p class="muted small" role="status">{saved}</p>
          <div class="actions">
            <button type="submit" class="button secondary" disabled={submit.busy}>
              {submit.busy ? 'Saving…' : 'Save draft'}
            </button>
          </div>
          {session && (
            <>
              <Checkbox label="I performed this session and the record is complete and correct" checked={confirmed} onChange={setConfirmed} />
              <div class="actions">
                <button type="button" class="button primary" disabled={submit.busy || !confirmed} onClick={() => void onSign()}>
                  Sign and lock
                </button>
              </div>
            </>
          )}
        </section>
      </form>
    </>
  );
}

export function SessionChartScreen({ params }: ScreenProps) {
  const can = useCan();
  const planId = params['plan_id'];
  const sessionId = params['session_id'];
  const loaded = useLoad(() => load(planId, sessionId), [planId, sessionId]);
  const [session, setSession] = useState<Versioned<ChartedSession> | null>(null);
  useEffect(() => setSession(loaded.data?.session ?? null), [loaded.data]);
  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { context } = loaded.data;
  const current = session ?? loaded.data.session;
  const onSaved = (stored: Versioned<ChartedSession>) => {
    setSession(stored);
    if (!sessionId) navigate(`/sessions/${stored.body.id}`);
  };
  const signed = current?.body.status === 'signed';
  return (
    <>
      <h1>
        Session for <Link href={`/clients/${context.client.id}`}>{context.client.given_name} {context.client.family_name}</Link>
      </h1>
      <p class="muted">
        Plan {context.plan.id}: {labelOf(context.vocabulary?.indications, context.plan.indication)}, {context.plan.sessions} sessions every {context.plan.interval_days} days
        {current && `; performed on ${formatDate(current.body.performed_on)}`}.
      </p>
      {signed && current ? (
        <>
          <div class="actions">
            <Link href={`/sessions/${current.body.id}/aftercare`} class="button primary">Aftercare sheet</Link>
            {can('record_safety') && (
              <Link href={`/clients/${context.client.id}/adverse-events?session=${current.body.id}`} class="button secondary">Report an adverse event</Link>
            )}
          </div>
          <div class="side-by-side">
            <div>
              <SignedSession session={current.body} devices={context.devices} products={context.products} staff={context.staff}
                steps={checklistSteps(context.vocabulary)} vocabulary={context.vocabulary} />
              <SessionPhotos sessionId={current.body.id} editable={false} />
            </div>
            <Amendments recordType="session" recordId={current.body.id} canAmend={can('amend')} />
          </div>
        </>
      ) : can('chart_session') ? (
        <ChartingForm key={current?.body.id ?? 'new'} loaded={{ context, session: current }} onSaved={onSaved} />
      ) : (
        <p class="alert alert-info">Your role does not include charting sessions.</p>
      )}
    </>
  );
}
