import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { SessionInfo } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Fields';
import { useSubmit } from '../components/useAsync';

const kFields = ['setup_token', 'clinic_name', 'time_zone', 'full_name', 'email', 'password'] as const;
type SetupField = (typeof kFields)[number];

/** First start: create the clinic and its first administrator with the token the server printed. */
export function FirstRunSetup({ onDone }: { onDone: (session: SessionInfo) => void }) {
  const [form, setForm] = useState<Record<SetupField, string>>({
    setup_token: '',
    clinic_name: '',
    time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Denver',
    full_name: '',
    email: '',
    password: '',
  });
  const submit = useSubmit();
  const set = (field: SetupField) => (value: string) => setForm({ ...form, [field]: value });
  const error = (field: SetupField) => submit.error?.fields[field];
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => onDone(await api.post<SessionInfo>('/setup', form)));
  };
  return (
    <main id="main" class="auth-page">
      <form class="card auth-card wide" onSubmit={onSubmit}>
        <h1>Set up Corium</h1>
        <p>
          Create the clinic and its first administrator. The setup token was printed by the server when it first
          started.
        </p>
        <ErrorMessage
          report={submit.error?.status === 401 ? { ...submit.error, message: 'The setup token is not right, or it has already been used.' } : submit.error}
        />
        <TextField label="Setup token" value={form.setup_token} onInput={set('setup_token')} required error={error('setup_token')} />
        <TextField label="Clinic name" value={form.clinic_name} onInput={set('clinic_name')} required error={error('clinic_name')} />
        <TextField label="Time zone" value={form.time_zone} onInput={set('time_zone')} required help="IANA name, e.g. America/Denver." error={error('time_zone')} />
        <TextField label="Your full name" value={form.full_name} onInput={set('full_name')} required autocomplete="name" error={error('full_name')} />
        <TextField label="Your email" type="email" value={form.email} onInput={set('email')} required autocomplete="username" error={error('email')} />
        <TextField label="Password" type="password" value={form.password} onInput={set('password')} required autocomplete="new-password" error={error('password')} />
        <button type="submit" class="button primary" disabled={submit.busy}>
          {submit.busy ? 'Setting up…' : 'Create clinic and sign in'}
        </button>
      </form>
    </main>
  );
}
