// The journey's steps after "consent signed", for web/e2e/journey.e2e.ts to append with one call:
//   afterConsentSteps(step, () => ({ page: browser.page, server, planPath: journey.planPath }));
// where `step` is the journey's own step function and planPath is `/clients/{id}/plans/{id}/...`.

import type { Page } from 'playwright-core';
import type { Server } from '../harness';
import { chartAndSignSession, printAftercare, reportAdverseEvent, scoreOutcome } from './charting';

type Step = (name: string, body: () => Promise<void>) => void;

interface World {
  page: Page;
  server: Server;
  planPath: string;
}

function ids(planPath: string): { clientId: number; planId: number } {
  const match = /^\/clients\/(\d+)\/plans\/(\d+)/.exec(planPath);
  if (!match) throw new Error(`not a plan's path: ${planPath}`);
  return { clientId: Number(match[1]), planId: Number(match[2]) };
}

export function afterConsentSteps(step: Step, world: () => World): void {
  let sessionId = 0;
  step('the session is charted and signed', async () => {
    const { page, server, planPath } = world();
    const { clientId, planId } = ids(planPath);
    sessionId = await chartAndSignSession(page, server, clientId, planId);
  });
  step('the aftercare sheet is shown and printed', async () => {
    const { page, server } = world();
    await printAftercare(page, server, sessionId);
  });
  step('an adverse event is reported and its outcome recorded', async () => {
    const { page, server } = world();
    await reportAdverseEvent(page, server, sessionId);
  });
  step('the outcome is scored beside the photographs', async () => {
    const { page, server, planPath } = world();
    const response = await page.request.get(`${server.url}/api/v1/sessions/${sessionId}`);
    const performedOn = ((await response.json()) as { performed_on: string }).performed_on;
    await scoreOutcome(page, server, ids(planPath).clientId, 'gais', performedOn);
  });
}
