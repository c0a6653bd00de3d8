import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { SessionInfo } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Fields';
import { useSubmit } from '../components/useAsync';

export function SignIn({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      onSignedIn(await api.post<SessionInfo>('/session', { email, password }));
    });
  };
  return (
    <main id="main" class="auth-page">
      <form class="card auth-card" onSubmit={onSubmit}>
        <h1>Sign in to Corium</h1>
        <ErrorMessage
          report={submit.error && submit.error.status === 401 ? { ...submit.error, message: 'The email or password is not right.' } : submit.error}
        />
        <TextField label="Email" type="email" value={email} onInput={setEmail} autocomplete="username" required error={submit.error?.fields['email']} />
        <TextField label="Password" type="password" value={password} onInput={setPassword} autocomplete="current-password" required error={submit.error?.fields['password']} />
        <button type="submit" class="button primary" disabled={submit.busy}>
          {submit.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
