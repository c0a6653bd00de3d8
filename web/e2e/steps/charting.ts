// Journey steps after "consent signed": a session charted and signed, its aftercare sheet printed,
// an adverse event reported and closed, and the outcome scored. Each step checks what the clinician
// sees, runs axe on the screen and takes its screenshot; the journey calls them in order.

import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations, type Server } from '../harness';
import { skinPhoto } from './photo';

async function apiGet<T>(page: Page, server: Server, path: string): Promise<T> {
  const response = await page.request.get(`${server.url}/api/v1${path}`);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/**
 * Whether a step takes the user guide's picture of its screen. The journey's run takes them; a
 * second run of the same steps passes `false`, so that each picture has one author and does not
 * change with the order the test files ran in.
 */
export interface StepPictures {
  screenshots?: boolean;
}

async function expectAccessible(page: Page, name: string, { screenshots = true }: StepPictures): Promise<void> {
  expect(await seriousAccessibilityViolations(page), `axe on ${name}`).toEqual([]);
  if (!screenshots) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/**
 * A consent that covers photographs, signed through the API: the demo clinic's consents refuse
 * photographs, and the journey signs its own on screen before these steps.
 */
export async function signConsentWithPhotos(page: Page, server: Server, planId: number): Promise<void> {
  const session = await apiGet<{ csrf_token: string }>(page, server, '/session');
  const items = await apiGet<{ items: string[]; text_version: string; text_digest: string }>(page, server, `/plans/${planId}/consent-items`);
  const response = await page.request.post(`${server.url}/api/v1/consents`, {
    headers: { 'X-CSRF-Token': session.csrf_token },
    data: { plan_id: planId, items: items.items, text_version: items.text_version, text_digest: items.text_digest,
      signature: 'data:image/png;base64,iVBORw0KGgo=', signer_name: 'Amara Okafor', photo_consent: true },
  });
  expect(response.status(), await response.text()).toBe(201);
}

interface PlanZone { zone: string; min: number; max: number; cap: number }

/** An unused sealed cartridge's unit code, as a scanner would read it off the pouch. */
async function sealedCartridgeCode(page: Page, server: Server): Promise<string> {
  const lots = await apiGet<{ items: { id: number; used_count: number; unit_count: number; expires_on: string }[] }>(page, server, '/cartridge-lots?limit=200');
  for (const lot of [...lots.items].reverse()) {
    if (lot.used_count >= lot.unit_count) continue;
    const detail = await apiGet<{ cartridges: { unit_code: string; used: boolean }[] }>(page, server, `/cartridge-lots/${lot.id}`);
    const unit = detail.cartridges.find((cartridge) => !cartridge.used);
    if (unit) return unit.unit_code;
  }
  throw new Error('no sealed cartridge left in the demo clinic');
}

async function fillEndpoint(page: Page, index: number, code: string): Promise<void> {
  const field = page.getByLabel(/Endpoint/).nth(index);
  if ((await field.evaluate((element) => element.tagName)) === 'SELECT') await field.selectOption(code);
  else await field.fill(code);
}

/** From the client's chart: re-check today, chart every step, see a cap refused on its field, save, add photographs, sign. */
export async function chartAndSignSession(page: Page, server: Server, clientId: number, planId: number, options: StepPictures & { photos?: boolean } = {}): Promise<number> {
  const plan = await apiGet<{ zones: PlanZone[] }>(page, server, `/plans/${planId}`);
  await page.goto(`${server.url}/clients/${clientId}`);
  await page.getByRole('link', { name: new RegExp(`Chart a session: plan ${planId}`) }).click();
  await page.getByRole('heading', { name: 'Day-of re-check' }).waitFor();
  await page.getByRole('button', { name: /Re-check today|Re-check again/ }).click();
  await page.getByRole('region', { name: 'Decision' }).waitFor();
  // A re-check that still defers (say, after recent waxing) needs a prescriber's override again today.
  if (await page.getByRole('button', { name: 'Record override' }).isVisible()) {
    await page.getByLabel('Reason for the override').fill('Re-checked on the day: the treated zones are clear of the waxed area.');
    await page.getByRole('button', { name: 'Record override' }).click();
    await page.getByText(/^Cleared by prescriber/).waitFor();
  }

  await page.getByLabel('Device', { exact: true }).selectOption({ label: 'Aster MN-25 microneedling pen (serial AST-PEN-000318)' });
  const code = await sealedCartridgeCode(page, server);
  // A barcode scanner types the code and presses Enter; Enter must choose the cartridge, not submit the form.
  await page.getByLabel('Scan or type the cartridge code').pressSequentially(code);
  await page.getByLabel('Scan or type the cartridge code').press('Enter');
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'chosen' }).count()).toBe(1);
  expect(page.url()).toContain(`/plans/${planId}/session`);

  // The steps are the knowledge base's (TP-06): every one done, except the one that may be skipped (the anaesthetic).
  const steps = page.locator('fieldset.checklist-step');
  expect(await steps.count()).toBeGreaterThan(1);
  for (let index = 0; index < (await steps.count()); index += 1) {
    const step = steps.nth(index);
    if ((await step.getByLabel('Not used').count()) > 0) await step.getByLabel('Not used').check();
    else await step.getByLabel('Done').check();
  }

  // The first zone is charted deeper than any needle goes: the server refuses, and says so beside the depth.
  for (const [index, zone] of plan.zones.entries()) {
    await page.getByLabel(/Depth \(mm\)/).nth(index).fill(String(index === 0 ? 4 : zone.min));
    await page.getByLabel(/Passes/).nth(index).fill('3');
    await fillEndpoint(page, index, 'erythema');
    await page.getByLabel(/Speed/).nth(index).fill('8');
  }
  await page.getByRole('button', { name: 'Add a product' }).click();
  await page.getByLabel('Product 1', { exact: true }).selectOption({ label: 'Sterile hyaluronic glide gel, lot HG-2605 (expires 31 May 2027)' });
  await page.getByLabel('Step for product 1').selectOption('glide');
  await expectAccessible(page, 'session-charting', options);

  await page.getByRole('button', { name: 'Save draft' }).click();
  const depthError = page.locator('.zone-row').first().locator('.field-error');
  await expect.poll(() => depthError.count()).toBeGreaterThan(0);
  expect(await page.getByRole('alert').first().textContent()).toContain('Some fields need attention');

  // Beyond the zone's cap: a nurse is told only a prescriber may go deeper, a prescriber that a reason is needed.
  await page.getByLabel(/Depth \(mm\)/).nth(0).fill(String(plan.zones[0]!.cap + 0.25));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect.poll(() => page.locator('main').textContent()).toMatch(/beyond the cap of/);
  expect(page.url()).toContain(`/plans/${planId}/session`);
  await page.getByLabel(/Depth \(mm\)/).nth(0).fill(String(plan.zones[0]!.min));
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect.poll(() => page.url()).toMatch(/\/sessions\/\d+$/);
  const sessionId = Number(/\/sessions\/(\d+)$/.exec(page.url())![1]);

  if (options.photos ?? true) {
    // The tablet's camera, through the file input; needs a consent that covers photographs.
    await page.getByLabel('Take or choose the before photograph').setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: skinPhoto() });
    await page.getByRole('img', { name: 'Before the session' }).waitFor();
    await page.getByLabel('Take or choose the after photograph').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: skinPhoto(0.3) });
    await page.getByRole('img', { name: 'After the session' }).waitFor();
  }

  await page.getByLabel('I performed this session and the record is complete and correct').check();
  await page.getByRole('button', { name: 'Sign and lock' }).click();
  await page.getByRole('heading', { name: 'Session signed and locked' }).waitFor();
  expect(await page.getByRole('button', { name: 'Save draft' }).count()).toBe(0);

  await page.getByLabel('Reason for the amendment').fill('Passes on the cheeks were miscounted');
  await page.getByLabel('The correction').fill('Four passes on the cheeks, not three.');
  await page.getByRole('button', { name: 'Add amendment' }).click();
  await page.getByText('Four passes on the cheeks, not three.').waitFor();
  await expectAccessible(page, 'session-signed', options);
  // The signed record itself is unchanged beside its amendment.
  const stored = await apiGet<{ status: string; signed_by: number; signed_at: number; zones: { passes: number }[]; cartridge: { unit_code: string; lot_number: string } }>(
    page, server, `/sessions/${sessionId}`);
  expect(stored.status).toBe('signed');
  expect(stored.zones[0]!.passes).toBe(3);
  // The record names its signer and the amendment its author, not their ids.
  const staff = await apiGet<{ items: { id: number; full_name: string }[] }>(page, server, '/staff?limit=200');
  const signer = staff.items.find((member) => member.id === stored.signed_by)!.full_name;
  expect(await page.getByText(`by ${signer}.`).count(), 'the signer named on the signed session').toBe(1);
  expect(await page.locator('.amendment').getByText(signer).count(), 'the author named on the amendment').toBe(1);
  expect(await page.getByText(`cartridge ${stored.cartridge.unit_code} of lot ${stored.cartridge.lot_number}`).count(), 'the cartridge named by its lot').toBe(1);
  // The signing time is on the clinic's clock, not the browser's (which runs in UTC here).
  const { time_zone: clinicZone } = await apiGet<{ time_zone: string }>(page, server, '/session');
  const signedAt = new Intl.DateTimeFormat('en-GB', { timeZone: clinicZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(stored.signed_at * 1000));
  expect(await page.getByText(`signed ${signedAt} by ${signer}.`).count(), `signed at ${signedAt}, ${clinicZone}`).toBe(1);
  return sessionId;
}

/** The aftercare sheet on screen, then as printed: only the sheet, without the app's navigation. */
export async function printAftercare(page: Page, server: Server, sessionId: number, pictures: StepPictures = {}): Promise<void> {
  await page.goto(`${server.url}/sessions/${sessionId}`);
  await page.getByRole('link', { name: 'Aftercare sheet' }).click();
  await page.getByRole('heading', { name: /^Aftercare for / }).waitFor();
  await page.getByRole('heading', { name: 'Warning signs: call us' }).waitFor();
  await expectAccessible(page, 'aftercare', pictures);
  await page.emulateMedia({ media: 'print' });
  expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
  expect(await page.getByRole('heading', { name: /^Aftercare for / }).isVisible()).toBe(true);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
}

/** An adverse event after the session: grade 3 without escalation is refused on its field, then recorded and resolved. */
export async function reportAdverseEvent(page: Page, server: Server, sessionId: number, pictures: StepPictures = {}): Promise<void> {
  await page.goto(`${server.url}/sessions/${sessionId}`);
  await page.getByRole('link', { name: 'Report an adverse event' }).click();
  await page.getByRole('heading', { name: 'Report an adverse event' }).waitFor();
  expect(await page.getByLabel('Session', { exact: true }).inputValue()).toBe(String(sessionId));
  const session = await apiGet<{ performed_on: string; cartridge: { lot_id: number; lot_number: string } }>(page, server, `/sessions/${sessionId}`);
  await page.getByLabel('Onset').fill(session.performed_on);
  await page.getByLabel('Suspected cartridge lot').selectOption(String(session.cartridge.lot_id));
  await page.getByLabel('What happened').fill('Blistering and crusting on the left cheek two days after the session.');
  await page.getByRole('group', { name: 'Grade' }).getByLabel('Grade 3').check();
  await page.getByLabel('Causality').selectOption('probable');
  await expectAccessible(page, 'adverse-event', pictures);
  await page.getByRole('button', { name: 'Record adverse event' }).click();
  // Grade 3 without escalation: the server's message appears under the escalation field itself.
  const escalation = page.getByLabel('Escalation: who was told, and how');
  await expect.poll(() => escalation.getAttribute('aria-invalid')).toBe('true');
  const messageId = (await escalation.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
  expect(await page.locator(`[id="${messageId}"]`).textContent()).toContain('ES-07');
  await page.getByLabel('Escalation: who was told, and how').fill('Phoned the medical director, who saw the client the same day.');
  await page.getByRole('button', { name: 'Record adverse event' }).click();
  await page.getByRole('cell', { name: /Blistering and crusting/ }).waitFor();

  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Record the outcome' }).waitFor();
  // The event names what it suspects by lot number, not by id.
  await expect.poll(() => page.locator('.facts').textContent()).toContain(`cartridge lot ${session.cartridge.lot_number}`);
  await page.getByLabel('Outcome', { exact: true }).selectOption('resolved');
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await page.getByText('Outcome recorded.').waitFor();
  await expect.poll(() => page.locator('.facts').textContent()).toContain('Resolved');
}

/** The codes of the scales the plan's indication suits (FU-02), and those of every scale, from the API. */
async function scalesForPlan(page: Page, server: Server, planId: string): Promise<{ suitable: string[]; all: string[] }> {
  const plan = await apiGet<{ indication: string }>(page, server, `/plans/${planId}`);
  const vocabulary = await apiGet<{ indications: { code: string; outcome_scales: string[] }[]; outcome_scales: { code: string }[] }>(
    page, server, '/knowledge-base/vocabulary');
  const indication = vocabulary.indications.find((entry) => entry.code === plan.indication);
  return { suitable: indication?.outcome_scales ?? [], all: vocabulary.outcome_scales.map((scale) => scale.code) };
}

/**
 * Outcome scoring: the baseline and current photographs side by side, only the scales suited to the
 * plan's indication offered, and a score recorded with a photograph linked to it.
 */
export async function scoreOutcome(page: Page, server: Server, clientId: number, scale: string, assessedOn: string, pictures: StepPictures = {}): Promise<void> {
  await page.goto(`${server.url}/clients/${clientId}/outcomes`);
  await page.getByRole('heading', { name: 'Baseline and now' }).waitFor();
  await page.getByRole('img', { name: /^Baseline: / }).waitFor();
  await page.getByRole('img', { name: /^Current: / }).waitFor();
  const planId = await page.getByLabel('Plan', { exact: true }).inputValue();
  const { suitable, all } = await scalesForPlan(page, server, planId);
  const unsuitable = all.filter((code) => !suitable.includes(code));
  expect(suitable, 'the scale the journey scores on suits the plan').toContain(scale);
  expect(unsuitable.length, 'the knowledge base has scales that do not suit this plan').toBeGreaterThan(0);
  const offered = await page.getByLabel('Scale').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(offered).toEqual(['', ...suitable]);
  await expect.poll(() => page.getByText(/FU-02/).first().isVisible()).toBe(true);
  await expect.poll(() => page.getByText(/months? after the course|no follow-up months/).first().isVisible()).toBe(true);
  await page.getByLabel('Scale').selectOption(scale);
  await page.getByLabel('Score', { exact: true }).fill('2');
  await page.getByLabel('Time point').selectOption('month_1');
  await page.getByLabel('Assessed on').fill(assessedOn);
  const photo = page.getByRole('group', { name: 'Photographs scored' }).getByRole('checkbox').first();
  await photo.focus();
  await page.keyboard.press('Space');
  expect(await photo.isChecked(), 'a photograph ticked from the keyboard').toBe(true);
  const photoId = (await photo.getAttribute('value')) ?? '';
  await expectAccessible(page, 'outcome', pictures);
  const before = await page.locator('table tbody tr').count();
  await page.getByRole('button', { name: 'Record score' }).click();
  await page.getByText('Score recorded.').waitFor();
  await expect.poll(() => page.locator('table tbody tr').count()).toBe(before + 1);
  const saved = await apiGet<{ items: { id: number; photo_ids: number[] }[] }>(page, server, `/plans/${planId}/outcome-assessments?limit=200`);
  const newest = [...saved.items].sort((a, b) => b.id - a.id)[0];
  expect(newest?.photo_ids.map(String), 'the photograph linked to the saved score').toEqual([photoId]);
  const scored = page.locator('table tbody tr').filter({ has: page.locator(`a[href="/api/v1/photos/${photoId}"]`) });
  await expect.poll(() => scored.count()).toBeGreaterThan(0);
  expect(await photo.isChecked(), 'the picker is cleared for the next score').toBe(false);
  // The saved score names who gave it.
  const me = await apiGet<{ full_name: string }>(page, server, '/session');
  expect(await scored.first().textContent(), 'the scorer named on the score').toContain(me.full_name);
}
