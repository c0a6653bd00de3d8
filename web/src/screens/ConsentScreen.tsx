import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { unclaimedFieldMessages } from '../api/problem';
import type { Client, Consent, ConsentItems } from '../api/types';
import { ConsultationSteps } from '../components/ConsultationSteps';
import { ErrorMessage } from '../components/ErrorMessage';
import { Checkbox, TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { SignaturePad } from '../components/SignaturePad';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatInstant } from '../format';
import type { ScreenProps } from '../routes';
import { useCan } from '../session';

interface Loaded {
  client: Client;
  items: ConsentItems;
}

async function load(clientId: string, planId: string): Promise<Loaded> {
  const [client, items] = await Promise.all([
    api.get<Client>(`/clients/${clientId}`),
    api.get<Loaded['items']>(`/plans/${planId}/consent-items`),
  ]);
  return { client, items };
}

function SignedConsent({ consent, client }: { consent: Consent; client: Client }) {
  return (
    <section class="card locked" aria-labelledby="signed-heading">
      <h2 id="signed-heading">Consent signed and locked</h2>
      <p>
        Signed by <strong>{consent.signer_name}</strong> on {formatInstant(consent.signed_at)}, covering {consent.items.join(', ')}.
        Photographs: {consent.photo_consent ? 'agreed' : 'refused'}.
      </p>
      <img class="signature-image" src={consent.signature} alt={`Signature of ${consent.signer_name}`} />
      <p class="muted small">A signed consent cannot be changed; a correction is recorded as an amendment beside it.</p>
      <div class="actions">
        <Link href={`/clients/${client.id}`} class="button primary">
          Back to the chart
        </Link>
      </div>
    </section>
  );
}

/** Consent: the items the plan requires, read with the client and signed on screen, then locked. */
export function ConsentScreen({ params }: ScreenProps) {
  const can = useCan();
  const clientId = params['client_id']!;
  const planId = params['plan_id']!;
  const loaded = useLoad(() => load(clientId, planId), [clientId, planId]);
  const [signerName, setSignerName] = useState<string | null>(null);
  const [signature, setSignature] = useState('');
  const [photoConsent, setPhotoConsent] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [signed, setSigned] = useState<Consent | null>(null);
  const submit = useSubmit();

  if (loaded.error) return <ErrorMessage report={loaded.error} onReload={loaded.reload} />;
  if (!loaded.data) return <p class="muted">Loading…</p>;
  const { client, items } = loaded.data;
  const name = signerName ?? `${client.given_name} ${client.family_name}`;
  const texts = new Map(items.texts.map((text) => [text.id, text]));
  const fields = submit.error?.fields ?? {};

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      setSigned(
        await api.post<Consent>('/consents', {
          plan_id: items.plan_id,
          items: items.items,
          text_version: items.text_version,
          text_digest: items.text_digest,
          signature,
          signer_name: name,
          photo_consent: photoConsent,
        }),
      );
    });
  };
  const unclaimed = submit.error ? unclaimedFieldMessages(submit.error, (path) => ['signature', 'signer_name', 'photo_consent'].includes(path)) : [];

  return (
    <>
      <ConsultationSteps current="Consent" />
      <h1>
        Consent: <Link href={`/clients/${client.id}`}>{client.given_name} {client.family_name}</Link>
      </h1>
      <section class="card" aria-labelledby="items-heading">
        <h2 id="items-heading">What the client agrees to</h2>
        <ol class="consent-items">
          {items.items.map((id) => {
            const text = texts.get(id);
            return (
              <li key={id}>
                <h3>
                  {text?.title ?? id} <span class="muted small">({id})</span>
                </h3>
                {text && <p>{text.text}</p>}
              </li>
            );
          })}
        </ol>
        <p class="muted small">Wording of knowledge base {items.text_version}; read each item with the client before signing.</p>
      </section>
      {signed ? (
        <SignedConsent consent={signed} client={client} />
      ) : can('plan_and_consent') ? (
        <form class="card" onSubmit={onSubmit} noValidate>
          <h2>Signature</h2>
          <ErrorMessage report={submit.error} extra={unclaimed} />
          <TextField label="Name of the person signing" value={name} onInput={setSignerName} required error={fields['signer_name']} />
          <Checkbox label="I have read these items, had my questions answered, and agree to the treatment" checked={understood} onChange={setUnderstood} />
          <Checkbox label="I agree to photographs of the treated areas for my record" checked={photoConsent} onChange={setPhotoConsent} error={fields['photo_consent']} />
          <SignaturePad label="Sign here with a finger, pen or mouse" typedName={name} onChange={setSignature} error={fields['signature']} />
          <div class="actions">
            <button type="submit" class="button primary" disabled={submit.busy || !signature || !understood}>
              {submit.busy ? 'Signing…' : 'Sign and lock consent'}
            </button>
          </div>
        </form>
      ) : (
        <p class="alert alert-info">Your role does not include taking consent.</p>
      )}
    </>
  );
}
