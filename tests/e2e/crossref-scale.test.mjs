// The cross-reference page with a large library, in Chromium with the built extension: only the
// rows in view are in the document, scrolling brings the others (the last one included), the counts
// of a row drawn late are right, and its cells still open their passages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  launchExtension,
  openExtensionPage,
  putRecords,
  readStore,
  termCounts,
  waitFor,
  waitForSeeded,
} from './harness.mjs';

const REPORTS = 300;
const PROVINCES = ['福建省', '浙江省', '江西省', '安徽省', '山东省', '河南省'];

/** Generated reports, each with two passages mentioning three catalogue terms (template sentences). */
function library(termIds) {
  const reports = [];
  const passages = [];
  const hits = [];
  for (let i = 0; i < REPORTS; i++) {
    const level = i % 30 === 0 ? 'national' : i % 3 === 0 ? 'provincial' : i % 3 === 1 ? 'municipal' : 'county';
    const levelRank = { national: 0, provincial: 2, municipal: 3, county: 4 }[level];
    const province = PROVINCES[i % PROVINCES.length];
    const id = `scale-${i}`;
    reports.push({
      id,
      title: `第${i}号 ${province}工作安排`,
      issuer: `${province}卫生健康委员会`,
      level,
      region: level === 'national' ? '全国' : province,
      date: `${2018 + (i % 8)}-0${1 + (i % 9)}-01`,
      description: '',
      levelRank,
      passageCount: 2,
      source: 'bundled',
    });
    for (let seq = 0; seq < 2; seq++) {
      const text = `第${seq}段：继续推进有关工作，第${i}号安排写明了做法。`;
      passages.push({
        id: `${id}:${seq}`,
        reportId: id,
        sectionId: `${id}#0`,
        section: '',
        seq,
        text,
        start: 0,
        end: 0,
      });
      for (let k = 0; k < 3; k++) {
        const termId = termIds[(i * 5 + seq * 7 + k * 13) % termIds.length];
        if (hits.some((h) => h.termId === termId && h.passageId === `${id}:${seq}`)) continue;
        hits.push({
          termId,
          passageId: `${id}:${seq}`,
          reportId: id,
          level,
          levelRank,
          count: 1,
          spans: [[0, 2]],
          forms: ['第'],
        });
      }
    }
  }
  return { reports, passages, hits };
}

describe('the cross-reference page with a large library', () => {
  let ext;
  let expected;
  before(async () => {
    ext = await launchExtension();
    const page = await openExtensionPage(ext.context, ext.extensionId, 'crossref.html');
    await waitForSeeded(page, 60_000);
    const data = library((await readStore(page, 'terms')).map((t) => t.id));
    // with the per-report term counts ingestion writes beside the hits (schema v7)
    await putRecords(page, {
      reports: data.reports,
      passages: data.passages,
      termHits: data.hits,
      reportTermCounts: termCounts(data.reports, data.hits),
    });
    // passages per term over every report: what each row's total must say
    expected = new Map();
    for (const h of await readStore(page, 'termHits')) expected.set(h.termId, (expected.get(h.termId) ?? 0) + 1);
    await page.close();
  });
  after(() => ext?.close());

  it('renders the rows in view, scrolls to the others with right totals, and opens a late row’s cell', async () => {
    const page = await openExtensionPage(ext.context, ext.extensionId, 'crossref.html');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('[data-testid="matrix"] tbody tr[data-term-id]').first().waitFor();
    const total = Number(await page.getByTestId('matrix').getAttribute('aria-rowcount'));
    const heads = await page.locator('thead tr').count();
    const rows = total - heads;
    const drawn = () => page.locator('tbody tr[data-term-id]').count();
    assert.ok(rows > 60, `enough rows to need a window: ${rows}`);
    assert.ok((await drawn()) < rows, `fewer rows drawn (${await drawn()}) than the table has (${rows})`);

    const seen = new Map();
    const collect = async () => {
      for (const [id, n] of await page
        .locator('tbody tr[data-term-id]')
        .evaluateAll((trs) => trs.map((tr) => [tr.dataset.termId, Number(tr.querySelector('td.total').dataset.total)])))
        seen.set(id, n);
    };
    // scroll through the whole table a screen at a time
    for (let step = 0; step < 200; step++) {
      await collect();
      const done = await page.getByTestId('matrix-wrap').evaluate((el) => {
        const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
        el.scrollTop += el.clientHeight * 0.8;
        return atEnd;
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (done) break;
    }
    await collect();
    assert.equal(seen.size, rows, 'every row was drawn at some scroll position');
    for (const [id, n] of seen) assert.equal(n, expected.get(id), `total of ${id}`);

    // the last row, drawn only now, opens its cell's passages
    const last = page.locator('tbody tr[data-term-id]').last();
    const button = last.locator('td button').first();
    await button.click();
    const pane = page.getByTestId('cell-passages');
    await pane.waitFor();
    await waitFor(async () => (await pane.locator('li[data-passage-id]').count()) > 0, { what: 'the pane’s passages' });
    await page.close();
  });
});
