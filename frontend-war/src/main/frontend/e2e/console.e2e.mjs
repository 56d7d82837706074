// The console end to end, in a real headless Chromium (the machine's, /usr/bin/chromium: never downloaded),
// driven by playwright-core over the DevTools protocol, against a running txrx. Run by ConsoleE2EIT
// (server-config/system-tests); by hand, against `server-config/bin/txrx all`:
//
//   TXRX_PAGE=http://127.0.0.1:8080/ TXRX_ADMIN_PASSWORD=$(sed -n 's/^admin=//p' server-config/launcher/target/run/seed-passwords) \
//     node frontend-war/src/main/frontend/e2e/console.e2e.mjs
//
// The second user (TXRX_USER, default a new name) is registered from the second browser context through the
// playground's auth.register, then signs in.
// Every step prints one JSON line ({"event":"step","step":...}); the last line is {"event":"done"} or
// {"event":"failed","step":...,"error":...}. Screenshots go to TXRX_SCREENSHOTS (default target/e2e).

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const env = process.env;
const PAGE = env.TXRX_PAGE ?? 'http://127.0.0.1:8080/';
const ADMIN = env.TXRX_ADMIN ?? 'admin';
const ADMIN_PASSWORD = required('TXRX_ADMIN_PASSWORD');
const USER = env.TXRX_USER ?? `e2e-${Math.random().toString(16).slice(2, 8)}`;
const USER_PASSWORD = `pw-${Math.random().toString(16).slice(2)}`;
const CHROMIUM = env.TXRX_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = resolve(env.TXRX_SCREENSHOTS ?? 'target/e2e');
const WAIT = Number(env.TXRX_WAIT_MS ?? 20000);
const CHANNEL = `e2e-${Math.random().toString(16).slice(2, 8)}`;

function required(name) {
  if (!env[name]) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return env[name];
}

const say = (event) => console.log(JSON.stringify(event));
let step = 'start';
let browserProcess = null;
let userDataDir = null;

/** Starts the machine's Chromium with the flags CI allows and a fresh profile; answers its DevTools endpoint. */
function startChromium() {
  userDataDir = mkdtempSync(join(tmpdir(), 'txrx-e2e-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    '--window-size=1280,860',
    'about:blank',
  ];
  browserProcess = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  say({ event: 'browser', pid: browserProcess.pid, userDataDir });
  return new Promise((resolveEndpoint, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools endpoint within ${WAIT} ms: ${seen.slice(-500)}`)), WAIT);
    browserProcess.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolveEndpoint(m[1]);
      }
    });
    browserProcess.on('exit', (code) => reject(new Error(`Chromium ended (${code}): ${seen.slice(-500)}`)));
  });
}

/** Kills the browser, waits (a few seconds at most) for it to end, and deletes its profile. */
async function stopChromium() {
  if (browserProcess && browserProcess.exitCode === null && browserProcess.signalCode === null) {
    const ended = new Promise((done) => browserProcess.once('exit', done));
    browserProcess.kill('SIGKILL');
    await Promise.race([ended, new Promise((done) => setTimeout(done, 5000))]);
  }
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
process.on('SIGTERM', async () => {
  await stopChromium();
  process.exit(143);
});

async function run(name, action) {
  step = name;
  const started = Date.now();
  const result = await action();
  say({ event: 'step', step: name, ms: Date.now() - started, ...(result ?? {}) });
}

async function open(browser, who) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => say({ event: 'pageerror', who, error: String(e) }));
  await page.goto(PAGE);
  await page.waitForSelector('#connection-state[data-state="connected"]');
  return { context, page };
}

async function signIn(page, login, password) {
  await page.goto(`${PAGE}#/playground`);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('#sign-in');
  await page.waitForSelector(`#signed-in-as[data-user="${login}"]`);
}

/** The `n` of each message of the channel the page shows, in order. */
async function received(page) {
  return page.$$eval(`.channel-message[data-channel="${CHANNEL}"] .message-data`, (items) => items.map((i) => JSON.parse(i.textContent).n));
}

async function publish(page, n) {
  await page.fill('#publish-data', JSON.stringify({ n }));
  await page.click('#publish');
  await page.waitForFunction(() => !document.querySelector('#publish')?.disabled);
}

async function waitForSequence(page, count) {
  const want = Array.from({ length: count }, (_, i) => i + 1);
  await page.waitForFunction(
    ([channel, n]) => document.querySelectorAll(`.channel-message[data-channel="${channel}"]`).length >= n,
    [CHANNEL, count],
  );
  const got = await received(page);
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`channel ${CHANNEL}: expected ${JSON.stringify(want)}, the page shows ${JSON.stringify(got)}`);
  return got;
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const endpoint = await startChromium();
  const browser = await chromium.connectOverCDP(endpoint);
  say({ event: 'connected', version: browser.version() });
  const a = await open(browser, 'admin');
  const b = await open(browser, USER);

  await run('admin signs in', () => signIn(a.page, ADMIN, ADMIN_PASSWORD));
  await run('a second user registers and signs in in a second browser context', async () => {
    await b.page.fill('#method', 'auth.register');
    const params = { email: `${USER}@txrx.test`, username: USER, displayName: `E2E ${USER}`, password: USER_PASSWORD };
    await b.page.fill('#params', JSON.stringify(params));
    await b.page.click('#send');
    await b.page.waitForSelector(`#last-reply[data-kind="result"]:has-text("${USER}@txrx.test")`);
    await signIn(b.page, USER, USER_PASSWORD);
  });

  await run('system.echo answers', async () => {
    await a.page.fill('#method', 'system.echo');
    await a.page.fill('#params', '{"text":"hello from the browser"}');
    await a.page.click('#send');
    await a.page.waitForSelector('#last-reply[data-kind="result"]:has-text("hello from the browser")');
    const latency = await a.page.textContent('.frame[data-direction="in"]:has-text("hello from the browser") .latency');
    return { latency };
  });

  await run('a channel message published from the second page arrives', async () => {
    for (const page of [a.page, b.page]) await page.fill('#channel', CHANNEL);
    await a.page.click('#subscribe');
    await a.page.waitForSelector(`#subscriptions [data-channel="${CHANNEL}"]`);
    await publish(b.page, 1);
    return { received: await waitForSequence(a.page, 1) };
  });

  await run('the socket drops: the state shows it, and the channel goes on without a gap', async () => {
    await a.page.evaluate(() => {
      const badge = document.getElementById('connection-state');
      window.__states = [badge.dataset.state];
      new MutationObserver(() => window.__states.push(badge.dataset.state)).observe(badge, { attributes: true, attributeFilter: ['data-state'] });
    });
    await a.context.setOffline(true); // the reconnect cannot succeed until the network is back
    await a.page.click('#drop-socket');
    await a.page.waitForSelector('#connection-state:not([data-state="connected"])');
    for (let n = 2; n <= 6; n++) await publish(b.page, n); // published while the first page is away
    const during = await received(a.page);
    if (during.length !== 1) throw new Error(`messages arrived while disconnected: ${JSON.stringify(during)}`);
    await a.page.screenshot({ path: join(SHOTS, 'reconnecting.png') });
    await a.context.setOffline(false);
    await a.page.waitForSelector('#connection-state[data-state="connected"]', { timeout: WAIT });
    const got = await waitForSequence(a.page, 6);
    await publish(b.page, 7);
    await waitForSequence(a.page, 7);
    const states = await a.page.evaluate(() => window.__states);
    if (!states.includes('reconnecting')) throw new Error(`the state never showed reconnecting: ${states}`);
    return { states, received: got.concat(7) };
  });

  await a.page.screenshot({ path: join(SHOTS, 'playground.png'), fullPage: true });

  await run('the cluster view lists the live peers', async () => {
    await a.page.click('#nav-cluster');
    await a.page.waitForSelector('.peer[data-role="rpc"]');
    await a.page.waitForSelector('.peer[data-role="dispatcher"]');
    await a.page.waitForSelector('.peer[data-role="gateway"]');
    await a.page.waitForSelector('#streams table');
    await a.page.waitForSelector('#rates-missing, #chart-calls');
    const peers = await a.page.$$eval('.peer', (items) => items.map((i) => `${i.dataset.role}:${i.dataset.instance}`));
    const rates = (await a.page.$('#chart-calls')) ? 'charted' : 'admin.rates missing (-32601), said so';
    await a.page.screenshot({ path: join(SHOTS, 'backoffice-cluster.png'), fullPage: true });
    return { peers, rates };
  });

  await run('a chat message from the admin reaches the user in the other context', async () => {
    await b.page.click('#nav-chat');
    await b.page.waitForSelector('#conversations');
    await a.page.click('#nav-chat');
    const text = `hello ${USER}, from ${ADMIN} at ${new Date().toISOString()}`;
    await a.page.fill('#chat-to', USER);
    await a.page.fill('#chat-text', text);
    await a.page.click('#chat-send');
    await a.page.waitForSelector(`.chat-message:has-text("${text}")`);
    await b.page.waitForSelector(`.conversation[data-peer="${ADMIN}"]:has-text("${text}")`);
    await b.page.click(`.conversation[data-peer="${ADMIN}"]`);
    await b.page.waitForSelector(`.chat-message[data-from="${ADMIN}"]:has-text("${text}")`);
    await b.page.screenshot({ path: join(SHOTS, 'backoffice-chat.png'), fullPage: true });
  });

  await run('the users page lists users', async () => {
    await a.page.click('#nav-users');
    await a.page.waitForSelector('#users-table tr[data-username]');
    return { heading: await a.page.textContent('#users-title') };
  });

  await run('a notification sent from the backoffice arrives on its live SSE feed and in the report', async () => {
    const topic = `e2e-${Math.random().toString(16).slice(2, 8)}`;
    await a.page.click('#nav-notifications');
    await a.page.fill('#notify-topic', topic);
    await a.page.waitForSelector('#feed-state[data-state="open"]');
    await a.page.fill('#notify-title', `Order shipped on ${topic}`);
    await a.page.click('#notify-publish');
    await a.page.waitForSelector('#notify-result');
    await a.page.waitForSelector(`.feed-item:has-text("Order shipped on ${topic}")`);
    await a.page.fill('#report-topic', topic);
    await a.page.click('#report-show');
    await a.page.waitForSelector(`#notify-report tbody tr:has-text("Order shipped on ${topic}")`);
    await a.page.screenshot({ path: join(SHOTS, 'backoffice-notifications.png'), fullPage: true });
  });

  await run('the playground fits a phone-sized screen', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    page.setDefaultTimeout(WAIT);
    await page.goto(PAGE);
    await page.waitForSelector('#connection-state[data-state="connected"]');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: join(SHOTS, 'playground-phone.png') });
    await phone.close();
    if (width > 390) throw new Error(`the page is ${width} px wide on a 390 px screen`);
    return { width };
  });

  await run('sign out', async () => {
    await a.page.click('#bar-sign-out');
    await a.page.waitForSelector('#sign-in-needed');
    await a.page.waitForSelector('#sign-in');
  });

  await browser.close();
}

try {
  await main();
  say({ event: 'done' });
  await stopChromium();
  process.exit(0);
} catch (e) {
  say({ event: 'failed', step, error: String(e?.stack ?? e) });
  await stopChromium().catch(() => {});
  process.exit(1);
}
