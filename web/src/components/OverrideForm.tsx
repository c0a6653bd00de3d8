import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ScreeningOverride } from '../api/types';
import { ErrorMessage } from './ErrorMessage';
import { TextArea } from './Fields';
import { useSubmit } from './useAsync';

/** A prescriber proceeds against or beside the screening, saying why; the screening itself never changes. */
export function OverrideForm({ screeningId, onDone }: { screeningId: number; onDone: (override: ScreeningOverride) => void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      onDone(await api.post<ScreeningOverride>(`/screenings/${screeningId}/overrides`, { reason }));
      setReason('');
    });
  };
  return (
    <form class="card override" onSubmit={onSubmit} noValidate>
      <h2>Prescriber's override</h2>
      <p class="help">Record why treatment may go ahead despite this decision. It is kept beside the screening, which is not changed.</p>
      <ErrorMessage report={submit.error} />
      <TextArea label="Reason for the override" value={reason} onInput={setReason} required error={submit.error?.fields['reason']} />
      <button type="submit" class="button primary" disabled={submit.busy}>
        {submit.busy ? 'Recording…' : 'Record override'}
      </button>
    </form>
  );
}
