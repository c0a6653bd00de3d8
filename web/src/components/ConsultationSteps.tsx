const kSteps = ['Intake', 'Screening', 'Plan', 'Consent'] as const;
export type ConsultationStep = (typeof kSteps)[number];

/** Where the clinician is in the consultation: intake → screening → plan → consent. */
export function ConsultationSteps({ current }: { current: ConsultationStep }) {
  return (
    <ol class="step-list" aria-label="Consultation steps">
      {kSteps.map((step, index) => (
        <li key={step} aria-current={step === current ? 'step' : undefined}>
          {index + 1}. {step}
        </li>
      ))}
    </ol>
  );
}
