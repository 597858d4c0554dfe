// The built extension, in a real Chromium, seeds its corpus and keeps it across a restart.
// Assumes the build is done (.output/chrome-mv3); `npm test` builds before it runs these.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FLAGSHIPS, GOLD, REPORT_IDS } from './gold.mjs';
import {
  countStore,
  getRecord,
  importProductModule,
  launchExtension,
  openExtensionPage,
  readStore,
  waitForSeeded,
} from './harness.mjs';

const SEED_TIMEOUT_MS = 60_000;

describe('foundation: the built extension seeds its corpus', { timeout: 180_000 }, () => {
  let userDataDir;
  let ext;
  let page;
  /** Everything read back from IndexedDB after the first seeding. */
  let db;

  before(async () => {
    // our own profile directory, not the harness's throw-away one: the restart test reuses it
    userDataDir = await mkdtemp(path.join(tmpdir(), 'pcr-e2e-foundation-'));
    ext = await launchExtension({ userDataDir });
    page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    const version = await waitForSeeded(page, SEED_TIMEOUT_MS);
    const [reports, passages, terms, termHits, meta] = await Promise.all(
      ['reports', 'passages', 'terms', 'termHits', 'meta'].map((store) => readStore(page, store)),
    );
    db = {
      version,
      reports,
      passages,
      terms,
      termHits,
      meta,
      passageById: new Map(passages.map((p) => [p.id, p])),
      termById: new Map(terms.map((t) => [t.id, t])),
    };
  });

  after(async () => {
    await ext?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  /** The passages a term is tied to, with the hit that ties them. */
  function hitPassages(termId) {
    return db.termHits
      .filter((hit) => hit.termId === termId)
      .map((hit) => ({ hit, passage: db.passageById.get(hit.passageId) }));
  }

  it('holds exactly the five bundled reports, with their metadata', () => {
    assert.deepEqual(db.reports.map((r) => r.id).sort(), [...REPORT_IDS].sort());
    for (const report of db.reports) {
      for (const field of ['title', 'issuer', 'level', 'date']) {
        assert.equal(typeof report[field], 'string', `${report.id}.${field}`);
        assert.ok(report[field].trim().length > 0, `${report.id}.${field} is empty`);
      }
    }
  });

  it('holds the passages of every report, as counted in the report record', () => {
    const byReport = new Map();
    for (const passage of db.passages) byReport.set(passage.reportId, (byReport.get(passage.reportId) ?? 0) + 1);
    for (const report of db.reports) {
      assert.ok((byReport.get(report.id) ?? 0) > 0, `${report.id} has no passages`);
      assert.equal(byReport.get(report.id), report.passageCount, `${report.id}: passageCount`);
    }
    assert.deepEqual(
      [...byReport.keys()].filter((id) => !REPORT_IDS.includes(id)),
      [],
      'orphan passages',
    );
  });

  it('stores passages as repaired sentences with a source range', () => {
    for (const passage of db.passages) {
      assert.ok(!passage.text.includes('\n'), `${passage.id} contains a line break`);
      assert.ok(passage.start < passage.end, `${passage.id}: start ${passage.start} >= end ${passage.end}`);
    }
  });

  it('holds the term catalogue, flagships included', () => {
    assert.ok(db.terms.length >= 90, `only ${db.terms.length} terms`);
    for (const [id, canonical] of Object.entries(FLAGSHIPS)) {
      const term = db.termById.get(id);
      assert.ok(term, `term ${id} missing`);
      assert.equal(term.canonical, canonical);
    }
  });

  it('ties 三医协同 to passages of all five reports', () => {
    const reports = new Set(hitPassages('sanyi-xietong').map(({ passage }) => passage?.reportId));
    for (const id of REPORT_IDS) assert.ok(reports.has(id), `no 三医协同 hit in ${id}`);
  });

  for (const [termId, golds] of Object.entries(GOLD)) {
    for (const gold of golds) {
      const where = [gold.text && `text “${gold.text}”`, gold.section && `section ${gold.section}`]
        .filter(Boolean)
        .join(', ');
      it(`gold hit: ${termId} in ${gold.report}, ${where}`, () => {
        const candidates = hitPassages(termId).filter(({ passage }) => passage?.reportId === gold.report);
        const found = candidates.filter(
          ({ passage }) =>
            (gold.text === undefined || passage.text.includes(gold.text)) &&
            (gold.section === undefined || passage.section === gold.section),
        );
        if (found.length > 0) return;
        // say what the data holds, so a miss is diagnosable from the test log alone
        const inReport = db.passages.filter(
          (p) =>
            p.reportId === gold.report &&
            (gold.text === undefined || p.text.includes(gold.text)) &&
            (gold.section === undefined || p.section === gold.section),
        );
        assert.fail(
          `${termId} is not tied to a ${gold.report} passage with ${where}. ` +
            `Hits in that report: ${JSON.stringify(candidates.map(({ passage }) => `${passage.id} [${passage.section}]`))}. ` +
            `Passages matching the gold but without a hit: ${JSON.stringify(inReport.map((p) => `${p.id} [${p.section}] ${p.text.slice(0, 80)}`))}`,
        );
      });
    }
  }

  it('ties no passage to a term it does not mention', async () => {
    // the product's own normalisation: the test must fold exactly as ingestion and the scanner do
    const { normalizeKey } = await importProductModule('lib/text/fold.ts');
    const problems = [];
    for (const hit of db.termHits) {
      const passage = db.passageById.get(hit.passageId);
      const term = db.termById.get(hit.termId);
      if (!passage || !term) {
        problems.push(`${hit.termId} → ${hit.passageId}: dangling hit`);
        continue;
      }
      if (hit.reportId !== passage.reportId) problems.push(`${hit.termId} → ${hit.passageId}: wrong reportId`);
      const key = normalizeKey(passage.text);
      const forms = Array.isArray(hit.forms) ? hit.forms : [];
      if (!forms.some((form) => normalizeKey(form) && key.includes(normalizeKey(form)))) {
        problems.push(`${hit.termId} → ${hit.passageId}: no form of ${JSON.stringify(forms)} in the passage`);
      }
      for (const form of forms) {
        if (!term.keys.includes(normalizeKey(form))) {
          problems.push(`${hit.termId} → ${hit.passageId}: form ${JSON.stringify(form)} is not a key of the term`);
        }
      }
      for (const [start, end] of hit.spans ?? []) {
        const written = passage.text.slice(start, end);
        if (!term.keys.includes(normalizeKey(written))) {
          problems.push(`${hit.termId} → ${hit.passageId}: span [${start},${end}) “${written}” is not the term`);
        }
      }
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} bad hits`);
  });

  it('counts each term’s hits in term.hitCount', () => {
    const counts = new Map();
    for (const hit of db.termHits) counts.set(hit.termId, (counts.get(hit.termId) ?? 0) + 1);
    for (const term of db.terms) assert.equal(term.hitCount, counts.get(term.id) ?? 0, term.id);
  });

  // Must run last: it closes the first browser.
  it('keeps the corpus, unchanged, across a browser restart with the same profile', async () => {
    const seededAt = db.meta.find((m) => m.key === 'seededAt')?.value;
    const counts = {
      reports: db.reports.length,
      passages: db.passages.length,
      terms: db.terms.length,
      termHits: db.termHits.length,
    };
    await ext.close();
    ext = await launchExtension({ userDataDir });
    page = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    // read right away, before any re-seed could finish: the old corpus must already be there
    assert.equal((await getRecord(page, 'meta', 'corpusVersion'))?.value, db.version);
    for (const [store, count] of Object.entries(counts)) assert.equal(await countStore(page, store), count, store);
    // give the restarted worker time to run its seeding check, then make sure it changed nothing
    await ext.serviceWorker.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    assert.equal(await waitForSeeded(page, SEED_TIMEOUT_MS), db.version);
    for (const [store, count] of Object.entries(counts)) assert.equal(await countStore(page, store), count, store);
    if (seededAt !== undefined) {
      assert.equal((await getRecord(page, 'meta', 'seededAt'))?.value, seededAt, 'the corpus was seeded again');
    }
  });
});
