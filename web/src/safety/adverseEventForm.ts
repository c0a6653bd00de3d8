// The adverse event form (text as typed) and the report the API takes; blank choices go as null.

import type { AdverseEventReport, Causality, EventOutcome } from '../api/chartingTypes';

export interface AdverseEventForm {
  session_id: string;
  onset_on: string;
  description: string;
  grade: string;
  causality: Causality | '';
  suspected_device_id: string;
  suspected_lot_id: string;
  suspected_product_id: string;
  outcome: EventOutcome;
  escalation: string;
}

export const kCausalities: Causality[] = ['unrelated', 'unlikely', 'possible', 'probable', 'definite'];
export const kEventOutcomes: EventOutcome[] = ['ongoing', 'resolved', 'resolved_with_sequelae', 'unknown'];

export function emptyAdverseEventForm(today: string, sessionId = ''): AdverseEventForm {
  return {
    session_id: sessionId, onset_on: today, description: '', grade: '', causality: '', suspected_device_id: '',
    suspected_lot_id: '', suspected_product_id: '', outcome: 'ongoing', escalation: '',
  };
}

function idOrNull(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}

export function adverseEventReport(clientId: number, form: AdverseEventForm): AdverseEventReport {
  return {
    client_id: clientId,
    session_id: idOrNull(form.session_id),
    onset_on: form.onset_on,
    description: form.description.trim(),
    grade: idOrNull(form.grade) as number,
    causality: form.causality as Causality,
    suspected_device_id: idOrNull(form.suspected_device_id),
    suspected_lot_id: idOrNull(form.suspected_lot_id),
    suspected_product_id: idOrNull(form.suspected_product_id),
    outcome: form.outcome,
    escalation: form.escalation.trim(),
  };
}

export const kAdverseEventFields = ['session_id', 'onset_on', 'description', 'grade', 'causality', 'suspected_device_id',
  'suspected_lot_id', 'suspected_product_id', 'outcome', 'escalation'];
