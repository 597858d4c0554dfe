// Regenerates docs/screenshot-popup.png (the README's picture) from the built extension, so the
// picture always shows the real popup over the real seeded corpus.
// Usage: npm run build && node scripts/screenshot.mjs [output.png]
// Chinese text needs a CJK font (Debian: fonts-noto-cjk), or it renders as empty boxes.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchExtension, openExtensionPage, ROOT, waitForSeeded } from '../tests/e2e/harness.mjs';

const output = path.resolve(process.argv[2] ?? path.join(ROOT, 'docs', 'screenshot-popup.png'));

const ext = await launchExtension();
try {
  const page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
  await page.setViewportSize({ width: 420, height: 600 });
  await waitForSeeded(page, 60_000);
  // the popup polls the database itself; wait until it has rendered both lists, not just "loading"
  await page.locator('[data-testid="reports"] li').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="terms"] li').first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await mkdir(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  console.log(`wrote ${path.relative(process.cwd(), output) || output}`);
} finally {
  await ext.close();
}
