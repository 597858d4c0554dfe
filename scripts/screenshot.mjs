// Regenerates the README's picture from the built extension in real Chromium: a news-like page
// with its programme names marked and the hover card open on one of them.
// Usage: npm run build && node scripts/screenshot.mjs [output.png]
// Chinese text needs a CJK font (Debian: fonts-noto-cjk), or it renders as empty boxes.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  launchExtension,
  openExtensionPage,
  pointOfText,
  ROOT,
  readCard,
  serveStatic,
  waitFor,
  waitForSeeded,
} from '../tests/e2e/harness.mjs';

const output = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs', 'screenshot-card.png'));

const server = await serveStatic();
const ext = await launchExtension();
try {
  const extPage = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await waitForSeeded(extPage, 60_000);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(`${server.url}/news.html`);
  await page.evaluate(() => document.fonts.ready);
  const point = await pointOfText(page, 'f-plain', '千县工程');
  await page.mouse.move(point.x, point.y);
  await waitFor(
    async () => {
      const card = await readCard(page);
      return card && !card.loading && card.passages.length > 0;
    },
    { what: 'the card', timeoutMs: 15_000 },
  );
  await page.waitForTimeout(300);
  await mkdir(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`wrote ${path.relative(process.cwd(), output) || output}`);
} finally {
  await ext.close();
  await server.close();
}
