import type { ComponentChildren } from 'preact';

/** One list of the Today screen, as a labelled region with its count, or a line saying it is empty. */
export function TodayList({ title, empty, count, children }: { title: string; empty: string; count: number; children: ComponentChildren }) {
  return (
    <section class="card" aria-label={title}>
      <h2>
        {title} <span class="muted">({count})</span>
      </h2>
      {count === 0 ? <p class="empty">{empty}</p> : <ul class="list-plain">{children}</ul>}
    </section>
  );
}
