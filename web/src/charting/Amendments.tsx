// Amendments beside a signed record: the record never changes; each correction is its own entry
// with a reason, author and time (POST /amendments).

import { useState } from 'preact/hooks';
import { api, query } from '../api/client';
import { unclaimedFieldMessages } from '../api/problem';
import type { AmendableRecord, Amendment } from '../api/chartingTypes';
import { loadStaffNames, staffName } from '../api/staffNames';
import type { Page } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextArea } from '../components/Fields';
import { useLoad, useSubmit } from '../components/useAsync';
import { formatInstant } from '../format';

interface AmendmentsProps {
  recordType: AmendableRecord;
  recordId: number;
  canAmend: boolean;
}

function amendmentText(amendment: Amendment): string {
  const text = amendment.body['text'];
  return typeof text === 'string' ? text : JSON.stringify(amendment.body);
}

export function Amendments({ recordType, recordId, canAmend }: AmendmentsProps) {
  const list = useLoad(
    () => api.get<Page<Amendment>>(`/amendments${query({ record_type: recordType, record_id: recordId, limit: 200 })}`),
    [recordType, recordId],
  );
  const staff = useLoad(loadStaffNames, []);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const submit = useSubmit();
  const fields = submit.error?.fields ?? {};
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.post<Amendment>('/amendments', { record_type: recordType, record_id: recordId, reason, body: { text } });
      setReason('');
      setText('');
      list.reload();
    });
  };
  return (
    <section class="card" aria-labelledby="amendments-heading">
      <h2 id="amendments-heading">Amendments</h2>
      <ErrorMessage report={list.error} />
      {(list.data?.items ?? []).length === 0 ? (
        <p class="muted">No amendments. The signed record stands as written.</p>
      ) : (
        (list.data?.items ?? []).map((amendment) => (
          <article class="amendment" key={amendment.id}>
            <p class="muted small">{formatInstant(amendment.created_at)}, {staffName(staff.data, amendment.author_id)}</p>
            <p><strong>Reason:</strong> {amendment.reason}</p>
            <p>{amendmentText(amendment)}</p>
          </article>
        ))
      )}
      {canAmend && (
        <form onSubmit={onSubmit} noValidate>
          <h3>Add an amendment</h3>
          <ErrorMessage report={submit.error} extra={submit.error ? unclaimedFieldMessages(submit.error, (path) => ['reason', 'body'].includes(path)) : []} />
          <TextArea label="Reason for the amendment" value={reason} onInput={setReason} error={fields['reason']} />
          <TextArea label="The correction" value={text} onInput={setText} error={fields['body']} />
          <div class="actions">
            <button type="submit" class="button secondary" disabled={submit.busy}>
              {submit.busy ? 'Saving…' : 'Add amendment'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
