// How the engine's codes read on screen. These are words for what the engine decided, not rules.

import type { Decision, Effect, LimitedBy, ZoneStatus } from '../api/types';

export const kDecisionWords: Record<Decision, { title: string; explain: string }> = {
  proceed: { title: 'Proceed', explain: 'Nothing in the history stands in the way of this treatment.' },
  proceed_with_caution: { title: 'Proceed with caution', explain: 'Treatment can go ahead, with the precautions below.' },
  defer: { title: 'Defer: not today', explain: 'Treatment should wait; the earliest date is below.' },
  refer: { title: 'Refer to a prescriber', explain: 'A prescriber must assess the client before any treatment.' },
  decline: { title: 'Decline', explain: 'This treatment should not be done for this client.' },
};

export const kEffectWords: Record<Effect, string> = {
  decline: 'Decline',
  refer: 'Refer',
  defer: 'Defer',
  caution: 'Caution',
  info: 'Note',
};

export const kZoneStatusWords: Record<ZoneStatus, string> = {
  ok: 'Can be treated',
  deferred: 'Deferred',
  blocked: 'Never treated',
  out_of_scope: 'Outside your scope',
};

export const kLimitedByWords: Record<LimitedBy, string> = {
  setting: 'the setting (clinic or home) sets this depth limit',
  scope: "the practitioner's scope of practice sets this depth limit",
  device: "the device's maximum depth sets this limit",
  condition: "a condition in the client's history sets this depth limit",
  zone: "the skin's anatomy in this zone sets this depth limit",
  indication: 'what is being treated sets this depth limit',
};

/** Whether a screening lets the plan go ahead: as the server decides it (charting.cpp), shown early. */
export function screeningAllowsPlanning(decision: Decision, overridden: boolean): boolean {
  return decision === 'proceed' || decision === 'proceed_with_caution' || overridden;
}
