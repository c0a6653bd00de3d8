// The app's entry: first-run setup, sign-in, or the signed-in shell with the current screen.

import { useEffect, useState } from 'preact/hooks';
import { api, setCsrfToken, setSignedOutHandler } from './api/client';
import type { SessionInfo } from './api/types';
import { AppShell } from './components/AppShell';
import { setClinicTimeZone } from './format';
import { matchRoute, useLocation } from './router';
import { routes } from './routes';
import { FirstRunSetup } from './screens/FirstRunSetup';
import { NotFound } from './screens/NotFound';
import { SignIn } from './screens/SignIn';
import { SessionContext } from './session';

type Phase = { kind: 'loading' } | { kind: 'setup' } | { kind: 'signed_out' } | { kind: 'signed_in'; session: SessionInfo };

export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const location = useLocation();

  const signedIn = (session: SessionInfo) => {
    setCsrfToken(session.csrf_token);
    setClinicTimeZone(session.time_zone);
    setPhase({ kind: 'signed_in', session });
  };

  useEffect(() => {
    setSignedOutHandler(() => {
      setCsrfToken(undefined);
      setClinicTimeZone(undefined);
      setPhase({ kind: 'signed_out' });
    });
    (async () => {
      try {
        const status = await api.get<{ setup_needed: boolean }>('/setup');
        if (status.setup_needed) return setPhase({ kind: 'setup' });
        signedIn(await api.get<SessionInfo>('/session'));
      } catch {
        setPhase({ kind: 'signed_out' });
      }
    })();
  }, []);

  if (phase.kind === 'loading') return <p class="loading-page">Loading Corium…</p>;
  if (phase.kind === 'setup') return <FirstRunSetup onDone={signedIn} />;
  if (phase.kind === 'signed_out') return <SignIn onSignedIn={signedIn} />;

  let screen = <NotFound />;
  for (const route of routes) {
    const params = matchRoute(route.path, location.path);
    if (params) {
      const Screen = route.screen;
      screen = <Screen params={params} search={location.search} />;
      break;
    }
  }
  return (
    <SessionContext.Provider value={phase.session}>
      <AppShell onSignOut={() => setPhase({ kind: 'signed_out' })} path={location.path}>
        {screen}
      </AppShell>
    </SessionContext.Provider>
  );
}
