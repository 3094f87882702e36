// Opens each page given in headless Chromium, runs axe-core's WCAG 2.x A
// and AA rules on it, and takes a screenshot of the whole page. Any
// request a page makes for something other than a local file or the
// page's own data: pictures is refused and reported. Prints one JSON object a line per page; used only by the
// browser test of internal/html (browser_interop_test.go).
//
// node axe.js CHROMIUM SHOTS_DIR PROFILE_DIR PAGE.html...
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function main() {
  const [chromium, shots, profile, ...pages] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const file of pages) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1000, height: 900 });
      const outside = [];
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        // A data: address is the page's own bytes (its pictures), not
        // a request for anything elsewhere.
        if (req.url().startsWith('file://') || req.url().startsWith('data:')) {
          req.continue();
        } else {
          outside.push(req.url());
          req.abort();
        }
      });
      await page.goto('file://' + path.resolve(file), { waitUntil: 'load' });
      // Before axe is added: the page's own scripts, if any.
      const scripts = await page.evaluate(() => document.scripts.length);
      const shot = path.join(shots, path.basename(file, '.html') + '.png');
      await page.screenshot({ path: shot, fullPage: true });
      await page.evaluate(axeSource);
      const result = await page.evaluate(async (tags) => {
        const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary),
        }));
      }, tags);
      const rules = await page.evaluate((tags) => axe.getRules(tags).length, tags);
      console.log(JSON.stringify({ file, rules, scripts, outside, violations: result, screenshot: shot }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
