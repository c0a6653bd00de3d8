import type { ComponentChildren } from 'preact';

/** A small coloured label; `tone` is a code such as a decision, effect or status, styled in styles.css. */
export function Badge({ tone, children }: { tone: string; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}
