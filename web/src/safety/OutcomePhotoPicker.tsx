// The client's photographs as labelled checkboxes with thumbnails: those ticked are linked to the
// outcome assessment (photo_ids, FU-02), and the server's message about each is shown beside it.

import { useId } from 'preact/hooks';
import type { PhotoRecord } from '../api/chartingTypes';
import { formatInstant, humanize } from '../format';
import type { PhotoErrors } from './outcomeForm';

interface Props {
  photos: PhotoRecord[];
  chosen: number[];
  onToggle: (photoId: number, ticked: boolean) => void;
  errors: PhotoErrors;
}

/** How a photograph is named on screen: its kind and when it was taken. */
export function photoCaption(photo: PhotoRecord): string {
  return `${humanize(photo.kind)} photograph, ${formatInstant(photo.taken_at)}`;
}

export function OutcomePhotoPicker({ photos, chosen, onToggle, errors }: Props) {
  const id = useId();
  const hasError = errors.list !== undefined || errors.byPhoto.size > 0;
  return (
    <fieldset class={hasError ? 'photo-picker has-error' : 'photo-picker'} aria-describedby={`${id}-help${errors.list ? ` ${id}-error` : ''}`}>
      <legend>Photographs scored</legend>
      <p class="help" id={`${id}-help`}>Tick the photographs this score was given on; they are linked to it in the order ticked.</p>
      {errors.list && <p class="field-error" id={`${id}-error`}>{errors.list}</p>}
      {photos.length === 0 ? <p class="muted">No photograph of this client yet.</p> : (
        <ul class="photo-choices">
          {photos.map((photo) => {
            const error = errors.byPhoto.get(photo.id);
            const inputId = `${id}-${photo.id}`;
            return (
              <li key={photo.id} class={error ? 'photo-choice has-error' : 'photo-choice'}>
                <input id={inputId} type="checkbox" value={String(photo.id)} checked={chosen.includes(photo.id)} aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(event) => onToggle(photo.id, (event.currentTarget as HTMLInputElement).checked)} />
                <label for={inputId}>
                  <img src={`/api/v1/photos/${photo.id}`} alt="" loading="lazy" />
                  <span>{photoCaption(photo)}</span>
                </label>
                {error && <p class="field-error" id={`${inputId}-error`}>{error}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
