// Before and after photographs of a session, from the tablet's camera through a file input, each
// uploaded as it is taken (PUT /sessions/{id}/photos/{kind}).

import { useId, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { PhotoKind, PhotoRecord } from '../api/chartingTypes';
import type { Page } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLoad, useSubmit } from '../components/useAsync';

const kKinds: { kind: PhotoKind; label: string }[] = [
  { kind: 'before', label: 'Before' },
  { kind: 'after', label: 'After' },
];

function PhotoInput({ label, busy, onFile }: { label: string; busy: boolean; onFile: (file: File) => void }) {
  const id = useId();
  return (
    <div class="field file-field">
      <label for={id}>{label}</label>
      <input id={id} type="file" accept="image/jpeg,image/png" capture="environment" disabled={busy}
        onChange={(event) => {
          const file = (event.currentTarget as HTMLInputElement).files?.[0];
          if (file) onFile(file);
        }} />
    </div>
  );
}

export function SessionPhotos({ sessionId, editable }: { sessionId: number; editable: boolean }) {
  const photos = useLoad(() => api.get<Page<PhotoRecord>>(`/sessions/${sessionId}/photos?limit=200`), [sessionId]);
  const submit = useSubmit();
  const [saved, setSaved] = useState('');
  const upload = (kind: PhotoKind, file: File) =>
    submit.run(async () => {
      await api.putFile<PhotoRecord>(`/sessions/${sessionId}/photos/${kind}`, file);
      setSaved(`The ${kind} photograph is stored.`);
      photos.reload();
    });
  const latest = (kind: PhotoKind) => [...(photos.data?.items ?? [])].reverse().find((photo) => photo.kind === kind);
  return (
    <section class="card" aria-labelledby="photos-heading">
      <h2 id="photos-heading">Photographs</h2>
      <ErrorMessage report={submit.error ?? photos.error} />
      <p class="muted small" role="status">{saved}</p>
      <div class="photo-pair">
        {kKinds.map(({ kind, label }) => {
          const photo = latest(kind);
          return (
            <figure key={kind}>
              {photo ? <img src={`/api/v1/photos/${photo.id}`} alt={`${label} the session`} /> : <p class="muted">No {kind} photograph yet.</p>}
              <figcaption>{label}</figcaption>
              {editable && <PhotoInput label={`Take or choose the ${kind} photograph`} busy={submit.busy} onFile={(file) => void upload(kind, file)} />}
            </figure>
          );
        })}
      </div>
    </section>
  );
}
