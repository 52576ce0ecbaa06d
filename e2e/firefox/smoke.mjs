// Firefox smoke test: drives Firefox ESR over WebDriver BiDi (puppeteer-core)
// through the landing page, root sign-in with MFA and the IAM dashboard, by
// visible labels. Usage: node smoke.mjs BASE_URL FIREFOX_PATH SCREENSHOT_DIR
// It prints one line per step and exits non-zero on the first failure.
import { createHmac } from 'node:crypto';
import puppeteer from 'puppeteer-core';

const [base, firefox, shots] = process.argv.slice(2);
const DEMO_SECRET = 'LABSIMDEMOSECRETFORINSTRUCTORSANDTESTS234567ABCDEFGHIJKLMNOPQRST';

// totp computes an RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret.
function totp(secret, unixSeconds) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const off = mac[mac.length - 1] & 0xf;
  const n = (mac.readUInt32BE(off) & 0x7fffffff) % 1000000;
  return String(n).padStart(6, '0');
}

// control finds a visible control by its visible label or text, as a
// student would: buttons and links by their text, fields by their label.
async function control(page, kind, name, timeout = 20000) {
  const handle = await page.waitForFunction((kind, name) => {
    const visible = (e) => e && e.getClientRects().length > 0;
    const text = (e) => (e.getAttribute('aria-label') || e.textContent || '').replace(/\s+/g, ' ').trim();
    if (kind === 'field') {
      for (const l of document.querySelectorAll('label')) {
        if (text(l).startsWith(name) && visible(l.control)) return l.control;
      }
      return null;
    }
    const sel = kind === 'link' ? 'a[href]' : kind === 'heading' ? 'h1,h2,h3' : 'button,[role=button],input[type=submit]';
    return [...document.querySelectorAll(sel)].find((e) => visible(e) && text(e) === name) || null;
  }, { timeout, polling: 100 }, kind, name);
  return handle.asElement();
}

async function step(name, fn) {
  try {
    await fn();
    console.log('ok   ' + name);
  } catch (err) {
    console.log('FAIL ' + name + ': ' + (err && err.message));
    throw err;
  }
}

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: firefox,
  headless: true,
  protocol: 'webDriverBiDi',
  extraPrefsFirefox: { 'intl.accept_languages': 'en-US', 'network.proxy.type': 0 },
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 860 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await step('landing page renders with its Create an AWS Account button', async () => {
    await page.goto(base + '/?world=fresh&lang=en');
    await control(page, 'link', 'Create an AWS Account').catch(() => control(page, 'button', 'Create an AWS Account'));
    await page.screenshot({ path: shots + '/firefox-landing.png' });
  });
  await step('root sign-in with the demo password', async () => {
    await page.goto(base + '/?world=root-mfa&lang=en');
    await (await control(page, 'link', 'Sign In to the Console')).click();
    await (await control(page, 'field', 'Root user email address')).type('student@example.com');
    await (await control(page, 'button', 'Next')).click();
    await (await control(page, 'field', 'Password')).type('Labsim-Demo-2026!');
    await (await control(page, 'button', 'Sign in')).click();
    await control(page, 'heading', 'Multi-factor authentication');
  });
  await step('MFA code from an independent TOTP accepted', async () => {
    // A code of the step just begun would be refused if the demo world's
    // assignment used it: the world was assigned long ago, so any current
    // code works once.
    await (await control(page, 'field', 'MFA code')).type(totp(DEMO_SECRET, Date.now() / 1000));
    await (await control(page, 'button', 'Submit')).click();
    await control(page, 'button', 'Account menu: labsim-demo');
  });
  await step('IAM dashboard opens', async () => {
    await page.goto(base + '/?lang=en#/iam');
    await control(page, 'heading', 'IAM dashboard');
    await page.screenshot({ path: shots + '/firefox-iam.png' });
  });
  if (errors.length) {
    console.log('FAIL page errors: ' + errors.join(' | '));
    failed = true;
  }
} catch {
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
