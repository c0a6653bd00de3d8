// An outcome assessment opened from the client's timeline: shown among the client's outcomes.

import { useEffect } from 'preact/hooks';
import { api } from '../api/client';
import type { OutcomeAssessment } from '../api/chartingTypes';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLoad } from '../components/useAsync';
import { navigate } from '../router';
import type { ScreenProps } from '../routes';

export function OutcomeAssessmentScreen({ params }: ScreenProps) {
  const assessmentId = params['assessment_id']!;
  const loaded = useLoad(() => api.get<OutcomeAssessment>(`/outcome-assessments/${assessmentId}`), [assessmentId]);
  useEffect(() => {
    if (loaded.data) navigate(`/clients/${loaded.data.client_id}/outcomes`);
  }, [loaded.data]);
  return loaded.error ? <ErrorMessage report={loaded.error} onReload={loaded.reload} /> : <p class="muted">Loading…</p>;
}
