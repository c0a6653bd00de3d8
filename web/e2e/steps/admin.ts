// The admin screens as an administrator sees them: staff and licences, inventory with its expiry
// warning, recall by lot, the knowledge base and the audit log; axe and a screenshot on each.

import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seriousAccessibilityViolations, type Server } from '../harness';

async function open(page: Page, server: Server, link: string, heading: string, name: string): Promise<void> {
  await page.goto(`${server.url}/admin`);
  await page.getByRole('link', { name: link }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.locator('main .card').first().waitFor();
  expect(await seriousAccessibilityViolations(page), `axe on ${name}`).toEqual([]);
  await screenshot(page, name);
}

export async function visitAdminScreens(page: Page, server: Server, recallLot: string, sessionId: number): Promise<void> {
  await open(page, server, 'Staff and licences', 'Staff and licences', 'admin-staff');
  await page.getByRole('cell', { name: 'Dr. Hannah Whitaker', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Grant a sign-in account' }).waitFor();

  await open(page, server, 'Devices, lots and products', 'Devices, lots and products', 'admin-inventory');
  await page.getByRole('cell', { name: 'AST-PEN-000318', exact: true }).waitFor();
  await page.getByRole('heading', { name: /^Expired or expiring within/ }).waitFor();

  await open(page, server, 'Recall search', 'Recall search', 'admin-recall');
  await page.getByLabel('Lot number').fill(recallLot);
  await page.getByRole('button', { name: 'Find sessions' }).click();
  await page.getByRole('heading', { name: new RegExp(`used lot ${recallLot}`) }).waitFor();
  // The session just charted used a cartridge of this lot, so the recall finds it.
  await page.getByRole('link', { name: `Session ${sessionId}`, exact: true }).waitFor();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  await open(page, server, 'Audit log', 'Audit log', 'admin-audit-log');
  await expect.poll(() => page.locator('table tbody tr').count()).toBeGreaterThan(0);
  // Filtered by a staff member chosen by name (the nurse who charted the session): every entry left
  // is theirs, and says so by name.
  await page.getByLabel('Staff member').selectOption({ label: 'Olivia Tran, RN' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect.poll(async () => [...new Set(await page.locator('table tbody tr td:nth-child(2)').allTextContents())]).toEqual(['Olivia Tran, RN']);
}

/** The knowledge base screen, when the server lists its rules. */
export async function visitKnowledgeBase(page: Page, server: Server): Promise<void> {
  await open(page, server, 'Knowledge base', 'Knowledge base', 'admin-knowledge-base');
  await page.getByText('TP-06').first().waitFor();
  await page.getByLabel('Find a rule').fill('TP-06');
  await expect.poll(() => page.locator('.kb-rule').count()).toBe(1);
}
