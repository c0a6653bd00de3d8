import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Client, ClientDraft } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Fields';
import { useSubmit } from '../components/useAsync';
import { navigate } from '../router';
import type { ScreenProps } from '../routes';

const kSkinTypes = ['1', '2', '3', '4', '5', '6'].map((value) => ({ value, label: `Type ${value}` }));
const kClaimed = ['given_name', 'family_name', 'birth_date', 'email', 'phone', 'fitzpatrick'];

/** Register a client: demographics only; the history is the intake, taken next. */
export function NewClientScreen(_props: ScreenProps) {
  const [form, setForm] = useState({ given_name: '', family_name: '', birth_date: '', email: '', phone: '', fitzpatrick: '' });
  const submit = useSubmit();
  const set = (field: keyof typeof form) => (value: string) => setForm({ ...form, [field]: value });
  const error = (field: string) => submit.error?.fields[field];
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      const draft: ClientDraft = {
        given_name: form.given_name,
        family_name: form.family_name,
        birth_date: form.birth_date,
        email: form.email,
        phone: form.phone,
        fitzpatrick: form.fitzpatrick === '' ? null : Number(form.fitzpatrick),
      };
      const client = await api.post<Client>('/clients', draft);
      navigate(`/clients/${client.id}`);
    });
  };
  const unclaimed = Object.entries(submit.error?.fields ?? {})
    .filter(([path]) => !kClaimed.includes(path))
    .map(([path, message]) => `${path}: ${message}`);
  return (
    <>
      <h1>New client</h1>
      <form class="card form-narrow" onSubmit={onSubmit} noValidate>
        <ErrorMessage report={submit.error} extra={unclaimed} />
        <div class="grid-2">
          <TextField label="Given name" value={form.given_name} onInput={set('given_name')} required autocomplete="off" error={error('given_name')} />
          <TextField label="Family name" value={form.family_name} onInput={set('family_name')} required autocomplete="off" error={error('family_name')} />
          <TextField label="Birth date" type="date" value={form.birth_date} onInput={set('birth_date')} required error={error('birth_date')} />
          <SelectField
            label="Fitzpatrick skin type"
            value={form.fitzpatrick}
            onChange={set('fitzpatrick')}
            options={kSkinTypes}
            placeholder="Not yet assessed"
            help="Can be set later, at the intake."
            error={error('fitzpatrick')}
          />
          <TextField label="Phone" type="tel" value={form.phone} onInput={set('phone')} autocomplete="off" error={error('phone')} />
          <TextField label="Email" type="email" value={form.email} onInput={set('email')} autocomplete="off" error={error('email')} />
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={submit.busy}>
            {submit.busy ? 'Saving…' : 'Register client'}
          </button>
        </div>
      </form>
    </>
  );
}
