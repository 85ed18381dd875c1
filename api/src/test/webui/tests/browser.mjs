// Shared set-up of the browser tests: the seeded server's details and a fresh Chromium profile.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const seed = JSON.parse(process.env.DEALWIRE_SEED || '{}');
export const base = `http://127.0.0.1:${seed.port}`;
const here = path.dirname(fileURLToPath(import.meta.url));
export const screenshots = path.resolve(here, '../../../../target/webui-screenshots');
fs.mkdirSync(screenshots, { recursive: true });

/** How long a page may take to show something: generous, the deadline only catches what never comes (CI machines can be loaded). */
export const WAIT = 60_000;

/** A browser with a fresh profile; every dialog (alert, confirm…) a page opens is recorded and dismissed. */
export async function openBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dealwire-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.DEALWIRE_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
  });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  const dialogs = [];
  const pageErrors = [];
  const watch = (page) => {
    page.on('dialog', async (d) => { dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss().catch(() => {}); });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] || await context.newPage();
  return {
    context, page, dialogs, pageErrors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function login(page, email, password) {
  await page.goto(`${base}/#/board`);
  await page.fill('#login-form input[name=email]', email);
  await page.fill('#login-form input[name=password]', password);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#board', { timeout: WAIT });
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Calls the API with the admin token (to check what the browser did). */
export async function apiGet(pathname) {
  const res = await fetch(`${base}${pathname}`, { headers: { Authorization: `Bearer ${seed.token}` } });
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return res.json();
}
