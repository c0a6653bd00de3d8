// Recall search: every session, by date performed, that used a cartridge lot or a product lot.

import '../recordScreens.css';
import { useState } from 'preact/hooks';
import { api, query } from '../api/client';
import type { RecallHit } from '../api/chartingTypes';
import type { Page } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useSubmit } from '../components/useAsync';
import { formatDate } from '../format';

export function RecallScreen() {
  const [kind, setKind] = useState('cartridge');
  const [lot, setLot] = useState('');
  const [hits, setHits] = useState<Page<RecallHit> | null>(null);
  const submit = useSubmit();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => setHits(await api.get<Page<RecallHit>>(`/recall${query({ kind, lot_number: lot.trim(), limit: 200 })}`)));
  };
  return (
    <>
      <h1>Recall search</h1>
      <form class="card" onSubmit={onSubmit} noValidate>
        <ErrorMessage report={submit.error} />
        <div class="grid-2">
          <SelectField label="Kind of lot" value={kind} onChange={setKind}
            options={[{ value: 'cartridge', label: 'Cartridge lot' }, { value: 'product', label: 'Product lot' }]} error={submit.error?.fields['kind']} />
          <TextField label="Lot number" value={lot} onInput={setLot} error={submit.error?.fields['lot_number']} />
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={submit.busy}>{submit.busy ? 'Searching…' : 'Find sessions'}</button>
        </div>
      </form>
      {hits && (
        <section class="card" aria-labelledby="hits-heading">
          <h2 id="hits-heading">{hits.total} {hits.total === 1 ? 'session' : 'sessions'} used lot {lot.trim()}</h2>
          {hits.items.length > 0 && (
            <table>
              <thead><tr><th scope="col">Performed</th><th scope="col">Client</th><th scope="col">Session</th></tr></thead>
              <tbody>
                {hits.items.map((hit) => (
                  <tr key={hit.session_id}>
                    <td>{formatDate(hit.performed_on)}</td>
                    <td><Link href={`/clients/${hit.client_id}`}>{hit.given_name} {hit.family_name}</Link></td>
                    <td><Link href={`/sessions/${hit.session_id}`}>Session {hit.session_id}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
