// The audit log: who did what to which record and when, newest first, filtered by client, actor and days.

import '../recordScreens.css';
import { useState } from 'preact/hooks';
import { api, query } from '../api/client';
import type { AuditEntry } from '../api/chartingTypes';
import { loadStaffNames, staffName } from '../api/staffNames';
import type { Page } from '../api/types';
import { auditQuery, type AuditFilterForm } from '../admin/adminForms';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Fields';
import { Link } from '../components/Link';
import { useLoad } from '../components/useAsync';
import { formatInstant } from '../format';

const kPageSize = 50;

export function AuditLogScreen() {
  const [form, setForm] = useState<AuditFilterForm>({ client_id: '', actor_id: '', from: '', to: '' });
  const [applied, setApplied] = useState<AuditFilterForm>(form);
  const [offset, setOffset] = useState(0);
  const loaded = useLoad(
    () => api.get<Page<AuditEntry>>(`/audit-log${query({ ...auditQuery(applied), limit: kPageSize, offset })}`),
    [applied, offset],
  );
  const staff = useLoad(loadStaffNames, []);
  const staffOptions = [...(staff.data ?? new Map<number, string>()).entries()]
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([id, name]) => ({ value: String(id), label: name }));
  const set = (key: keyof AuditFilterForm) => (value: string) => setForm((old) => ({ ...old, [key]: value }));
  const onSubmit = (event: Event) => {
    event.preventDefault();
    setOffset(0);
    setApplied(form);
  };
  const page = loaded.data;
  const fields = loaded.error?.fields ?? {};
  return (
    <>
      <h1>Audit log</h1>
      <form class="card" onSubmit={onSubmit} noValidate>
        <div class="grid-2">
          <TextField label="Client id" type="number" min="1" value={form.client_id} onInput={set('client_id')} error={fields['client_id']} />
          {staffOptions.length > 0 ? (
            <SelectField label="Staff member" value={form.actor_id} onChange={set('actor_id')} placeholder="Anyone" options={staffOptions} error={fields['actor_id']} />
          ) : (
            <TextField label="Staff member id" type="number" min="1" value={form.actor_id} onInput={set('actor_id')} error={fields['actor_id']} />
          )}
          <TextField label="From (day)" type="date" value={form.from} onInput={set('from')} error={fields['from']} />
          <TextField label="To (day)" type="date" value={form.to} onInput={set('to')} error={fields['to']} />
        </div>
        <div class="actions"><button type="submit" class="button primary">Filter</button></div>
      </form>
      <ErrorMessage report={loaded.error} onReload={loaded.reload} />
      {page && (
        <section class="card" aria-labelledby="entries-heading">
          <h2 id="entries-heading">{page.total} entries</h2>
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Record</th><th scope="col">Client</th><th scope="col">Detail</th></tr></thead>
              <tbody>
                {page.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatInstant(entry.at)}</td>
                    <td>{entry.actor_id === null ? 'system' : staffName(staff.data, entry.actor_id)}</td>
                    <td>{entry.action}</td>
                    <td>{entry.record_type}{entry.record_id ? ` ${entry.record_id}` : ''}</td>
                    <td>{entry.client_id ? <Link href={`/clients/${entry.client_id}`}>{entry.client_id}</Link> : '—'}</td>
                    <td>{entry.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="actions">
            <button type="button" class="button secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - kPageSize))}>Newer</button>
            <button type="button" class="button secondary" disabled={offset + kPageSize >= page.total} onClick={() => setOffset(offset + kPageSize)}>Older</button>
          </div>
        </section>
      )}
    </>
  );
}
