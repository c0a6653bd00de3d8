import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, screenshot, seriousAccessibilityViolations, signIn, signOut, startServer, type Browser, type Server } from './harness';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test('a wrong password is refused with a clear message', async () => {
  const { page } = browser;
  await page.goto(server.url);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await screenshot(page, 'sign-in');
  await page.getByLabel('Email').fill(server.accounts['nurse']!);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is not right.');
});

test('a nurse signs in, lands on Today and signs out', async () => {
  const { page } = browser;
  await signIn(page, server, server.accounts['nurse']!);
  expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Clients');
  await page.reload();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await signOut(page);
  expect(browser.consoleErrors).toEqual([]);
});
