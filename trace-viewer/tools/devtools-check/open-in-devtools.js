// Opens a Chrome Trace Event JSON file (what `porthole trace export --format chrome` writes) in Chromium's own
// DevTools Performance panel, the way a person does it (Load profile, Ctrl+O), and saves a screenshot.
//
// Why DevTools: chrome://tracing is gone from current Chromium builds (Debian's Chromium 156 answers
// net::ERR_FAILED), and ui.perfetto.dev needs the network. DevTools reads the same format with its own parser.
// The frontend comes from the browser's remote-debugging server, so nothing is downloaded.
//
//   npm install            (once; playwright-core only, it drives /usr/bin/chromium)
//   node open-in-devtools.js TRACE.json OUT.png
//
// It prints the track names DevTools shows and exits 1 when the file did not load.
const { chromium } = require('playwright-core');

const PORT = 9333;

(async () => {
  const [file, out] = process.argv.slice(2);
  if (!file || !out) {
    console.error('usage: node open-in-devtools.js TRACE.json OUT.png');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // The background-networking flags keep Chromium from reaching for hosts a closed network refuses.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--remote-debugging-port=${PORT}`, '--remote-allow-origins=*'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${PORT}/devtools/devtools_app.html?panel=timeline`, { waitUntil: 'load' });
    await page.waitForTimeout(3000);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 15000 }),
      page.keyboard.press('Control+O'),
    ]);
    await chooser.setFiles(file);
    await page.waitForTimeout(6000);
    // Once a trace is in, DevTools shows its flame-chart shortcuts card the first time: that card is the sign
    // the load went through. Close it so the screenshot shows the tracks.
    const cardSeen = await page.evaluate(() => {
      const find = root => {
        for (const e of root.querySelectorAll('*')) {
          if (e.shadowRoot) { const hit = find(e.shadowRoot); if (hit) return hit; }
        }
        for (const b of root.querySelectorAll('button, devtools-button')) {
          if (/close/i.test(b.getAttribute('aria-label') || b.title || '') &&
              (root.textContent || '').includes('Keyboard shortcuts')) { b.click(); return true; }
        }
        return false;
      };
      return find(document);
    });
    await page.waitForTimeout(500);
    // Open the first two process groups (their headers sit at fixed rows of the flame chart), bottom one first
    // so the top one does not move it, to show the thread names from the metadata.
    await page.mouse.click(260, 149);
    await page.mouse.click(260, 130);
    await page.waitForTimeout(800);
    await page.screenshot({ path: out });
    const loaded = cardSeen && errors.length === 0;
    console.log(`screenshot: ${out}`);
    if (errors.length) console.log('page errors:', errors.join('; '));
    if (!loaded) {
      console.error('DevTools could not load the trace');
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
  }
})().catch(e => { console.error('open-in-devtools:', e.message); process.exit(1); });
