// @vitest-environment happy-dom
// Issue 9 remainders: the county and 'other' levels end to end (inference, form, ranking, names,
// backup), an encrypted PDF refused with nothing written, and a PDF's progress shown page by page.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { levelName } from '../../components/card/labels';
import { FileImport, refusalText } from '../../components/library/FileImport';
import { LEVELS, ReportForm } from '../../components/library/ReportForm';
import { buildCorpus, type Corpus } from '../../lib/corpus/build';
import { bundledCorpusInput } from '../../lib/corpus/bundled';
import { LEVEL_RANK } from '../../lib/corpus/records';
import type { AdminLevel } from '../../lib/corpus/types';
import { checkLibraryBackup, makeBackup, restoreBackup } from '../../lib/db/backup';
import type { PolicyDatabase } from '../../lib/db/database';
import { putUserReport } from '../../lib/db/library';
import { reportsInOrder } from '../../lib/db/queries';
import { seedCorpus } from '../../lib/db/seed';
import { compareReports, termCard } from '../../lib/db/term-card';
import { draftReport } from '../../lib/documents/draft';
import type { Readers } from '../../lib/documents/extract';
import { extractFile } from '../../lib/documents/extract';
import { DocumentError, MAX_FILE_BYTES } from '../../lib/documents/limits';
import { type PdfDocumentLike, pdfText, READ_AHEAD } from '../../lib/documents/pdf';
import { type MessageKey, t } from '../../lib/i18n';
import { encryptedPdf } from '../fixtures/encrypted-pdf.mjs';
import { freshDatabases } from './fresh-databases';
import { nodeReaders } from './library-helpers';
import { useEnglish } from './locale-en';

/** What library.html's readers open: the test swaps in a gated document or passes bytes to pdf.js. */
const pdfSource: { open: Readers['openPdf'] } = { open: (bytes) => nodeReaders.openPdf(bytes) };
vi.mock('../../components/library/readers', () => ({
  browserReaders: {
    openPdf: (bytes: Uint8Array) => pdfSource.open(bytes),
    mammoth: () => nodeReaders.mammoth(),
  },
}));

const { freshDb, deleteAll } = freshDatabases('libscale-test');
afterEach(async () => {
  cleanup();
  pdfSource.open = (bytes) => nodeReaders.openPdf(bytes);
  await deleteAll();
});

let corpus: Corpus;
beforeAll(() => {
  corpus = buildCorpus(bundledCorpusInput());
});

const TEXT = [
  '示例县推进紧密型医共体建设工作方案',
  '全县以县医院为龙头组建紧密型医共体，统一管理乡镇卫生院的人员、财务和药品，推动三医协同，年底前实现县域内就诊率明显提高。',
  '各乡镇要落实家庭医生签约服务，重点人群签约率稳步提高，群众在家门口就能看上病、看好病。',
].join('\n');

const meta = (id: string, level: AdminLevel, issuer: string, region: string) => ({
  id,
  title: `${region}工作方案 ${id}`,
  issuer,
  level,
  region,
  date: '2025-03-01',
  description: '',
});

/** Picks a file in library.html's file input, as a user does. */
function choose(file: File): void {
  const input = screen.getByTestId('file-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/** Row counts of every table a report touches: "unchanged" is these, before and after. */
async function libraryState(db: PolicyDatabase) {
  const out: Record<string, number> = {};
  for (const table of [
    'reports',
    'sections',
    'passages',
    'termHits',
    'reportTermCounts',
    'segments',
    'shards',
    'documents',
    'terms',
  ] as const)
    out[table] = await db.table(table).count();
  out.hitCounts = (await db.terms.toArray()).reduce((sum, t) => sum + t.hitCount, 0);
  return out;
}

describe('levels: national, several provinces, provincial, municipal, county, other', () => {
  it('ranks county after municipal and other last; a level from a newer release after them all', () => {
    expect(Object.keys(LEVEL_RANK)).toEqual(expect.arrayContaining(['county', 'other']));
    expect(LEVEL_RANK.municipal).toBeLessThan(LEVEL_RANK.county);
    expect(LEVEL_RANK.county).toBeLessThan(LEVEL_RANK.other);
    const report = (id: string, level: string, date = '2024-01-01') =>
      ({ id, level, levelRank: (LEVEL_RANK as Record<string, number>)[level] ?? Number.NaN, date }) as never;
    const sorted = [
      report('o', 'other', '2026-01-01'),
      report('c', 'county', '2026-01-01'),
      report('x', 'township'),
      report('m', 'municipal'),
      report('n', 'national'),
    ].sort(compareReports);
    expect(sorted.map((r: { id: string }) => r.id)).toEqual(['n', 'm', 'c', 'o', 'x']);
  });

  it('names them in Chinese and in English', () => {
    expect(levelName('county')).toBe('县级');
    expect(levelName('other')).toBe('其他');
    expect(levelName('township')).toBe('township');
    const restore = useEnglish();
    try {
      expect(levelName('county')).toBe('County');
      expect(levelName('other')).toBe('Other');
    } finally {
      restore();
    }
  });

  it('the form offers all six; an issuer naming no place leaves the level to the user, on other', () => {
    expect(LEVELS).toEqual(['national', 'multi-provincial', 'provincial', 'municipal', 'county', 'other']);
    const unknown = draftReport('u-1', { title: '学会通知', issuer: '某某医院管理学会' }, 'html');
    expect(unknown.meta.level).toBe('other');
    expect(unknown.missing).toContain('level');
    const county = draftReport('u-2', { title: '区里的方案', issuer: '漳州市长泰区卫生健康局' }, 'html');
    expect(county.meta).toMatchObject({ level: 'county', region: '漳州市长泰区' });
    expect(county.missing).not.toContain('level');

    const submitted: AdminLevel[] = [];
    render(
      <ReportForm
        initial={unknown.meta}
        missing={unknown.missing}
        submitLabel="保存"
        onSubmit={(m) => {
          submitted.push(m.level);
        }}
      />,
    );
    const select = screen.getByTestId('field-level') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(LEVELS);
    expect([...select.options].map((o) => o.textContent)).toContain('县级');
    expect(select.closest('label')?.className).toBe('missing');
    fireEvent.change(select, { target: { value: 'county' } });
    fireEvent.submit(screen.getByTestId('report-form'));
    expect(submitted).toEqual(['county']);
  });

  it('a county and an other report are stored with their rank, listed in order, and round-trip through a backup', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, {
      meta: meta('user-county', 'county', '示例市示例县卫生健康局', '示例市示例县'),
      text: TEXT,
    });
    await putUserReport(db, { meta: meta('user-other', 'other', '某某医院管理学会', ''), text: `${TEXT}\n学会补充。` });
    expect((await db.reports.get('user-county'))?.levelRank).toBe(4);
    expect((await db.termHits.where('reportId').equals('user-other').first())?.levelRank).toBe(5);
    const order = (await reportsInOrder(db)).map((r) => r.level);
    expect(order.slice(-2)).toEqual(['county', 'other']);
    // the hover card lists them last, marked as the user's own
    const card = await termCard(db, 'jinmixing-yigongti', 50);
    const own = card?.passages.filter((p) => p.own).map((p) => p.reportId);
    expect(new Set(own)).toEqual(new Set(['user-county', 'user-other']));
    expect(card?.passages.filter((p) => !p.own).every((p) => !p.reportId.startsWith('user-'))).toBe(true);
    expect(card?.perReport.find((r) => r.reportId === 'user-county')).toMatchObject({ level: 'county', own: true });

    const json = JSON.stringify(await makeBackup(db, {}));
    const check = checkLibraryBackup(json);
    if (!check.ok) throw new Error(check.errors.join('\n'));
    const fresh = freshDb();
    await seedCorpus(fresh, corpus);
    await restoreBackup(fresh, check);
    for (const id of ['user-county', 'user-other']) {
      const { updatedAt: _a, ...was } = (await db.reports.get(id)) ?? {};
      const { updatedAt: _b, ...now } = (await fresh.reports.get(id)) ?? {};
      expect(now, id).toEqual(was);
    }
    // a level no release knows is still refused, as a whole
    const bad = JSON.parse(json);
    bad.reports[0].meta.level = 'township';
    expect(checkLibraryBackup(JSON.stringify(bad)).ok).toBe(false);
  }, 60_000);
});

describe('an encrypted PDF', () => {
  it('is refused with a message that says so', async () => {
    const error = await extractFile('加密的方案.pdf', encryptedPdf(), nodeReaders).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe('encrypted');
    expect((error as DocumentError).message).toMatch(/加密的方案\.pdf.*已加密.*密码/u);
  });

  it('imported on the library page: the row says so and the library is unchanged', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    await putUserReport(db, { meta: meta('user-county', 'county', '示例县卫生健康局', '示例县'), text: TEXT });
    const before = await libraryState(db);
    const changed = vi.fn();
    render(<FileImport db={db} onChanged={changed} />);
    const file = new File([encryptedPdf()], '加密的方案.pdf', { type: 'application/pdf' });
    choose(file);
    const row = await screen.findByTestId('file-row');
    await waitFor(() => expect(row.dataset.status).toBe('failed'), { timeout: 20_000 });
    expect(row.textContent).toMatch(/已加密/u);
    expect(changed).not.toHaveBeenCalled();
    expect(await libraryState(db)).toEqual(before);
  }, 60_000);
});

describe('refusals in the interface language', () => {
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e as DocumentError,
    );

  it('every refusal has a locale key whose Chinese text is its message', async () => {
    const zipOfOther = zipSync({ 'readme.txt': strToU8('not a word document') });
    const cases = await Promise.all([
      refusal(extractFile('empty.txt', new Uint8Array(0), nodeReaders)),
      refusal(extractFile('huge.txt', new Uint8Array(MAX_FILE_BYTES + 1), nodeReaders)),
      refusal(
        extractFile(
          'image.txt',
          new Uint8Array(4000).map((_, i) => (i * 37) % 256),
          nodeReaders,
        ),
      ),
      refusal(extractFile('short.txt', strToU8('你好'), nodeReaders)),
      refusal(extractFile('old.doc', strToU8('x'.repeat(50)), nodeReaders)),
      refusal(extractFile('slides.pptx', strToU8('x'.repeat(50)), nodeReaders)),
      refusal(extractFile('fake.pdf', strToU8('just some words, not a PDF'), nodeReaders)),
      refusal(extractFile('broken.pdf', strToU8('%PDF-1.7\n1 0 obj <<'), nodeReaders)),
      refusal(extractFile('secret.pdf', encryptedPdf(), nodeReaders)),
      refusal(extractFile('report.docx', zipOfOther, nodeReaders)),
      refusal(extractFile('report.docx', strToU8('plain text named docx'), nodeReaders)),
    ]);
    const codes = new Set<string>();
    for (const error of cases) {
      expect(error).toBeInstanceOf(DocumentError);
      const e = error as DocumentError;
      codes.add(e.code);
      expect(e.localized, e.message).toBeDefined();
      expect(t(e.localized?.key as MessageKey, ...(e.localized?.params ?? []))).toBe(e.message);
      expect(refusalText(e, 'x')).toBe(e.message);
    }
    expect(codes.size).toBeGreaterThanOrEqual(7);
  }, 60_000);

  it('says why in English on an English interface', async () => {
    const error = await refusal(extractFile('secret.pdf', encryptedPdf(), nodeReaders));
    const restore = useEnglish();
    try {
      const text = refusalText(error, 'secret.pdf');
      expect(text).toMatch(/encrypted/u);
      expect(text).not.toMatch(/[\u4e00-\u9fff]/u);
    } finally {
      restore();
    }
  });
});

describe('PDF import progress', () => {
  it('shows each page as it is read, then the result', async () => {
    const db = freshDb();
    await seedCorpus(db, corpus);
    // a document whose pages are released one by one by the test
    const total = 4;
    const release: Array<() => void> = [];
    const gates = Array.from({ length: total }, () => new Promise<void>((r) => release.push(r)));
    const lines = TEXT.split('\n');
    const doc: PdfDocumentLike = {
      numPages: total,
      async getPage(n) {
        await gates[n - 1];
        return {
          async getTextContent() {
            const text = `${lines[(n - 1) % lines.length]}第${n}页补充说明了本页的工作安排和进度要求。`;
            return { items: [{ str: text, transform: [12, 0, 0, 12, 72, 700], height: 12, hasEOL: true }] };
          },
        };
      },
    };
    pdfSource.open = async () => doc;
    render(<FileImport db={db} onChanged={() => {}} />);
    const file = new File([new TextEncoder().encode('%PDF-1.7\n(test)')], '四页方案.pdf');
    choose(file);
    const row = await screen.findByTestId('file-row');
    const progress = () =>
      Number(row.querySelector('progress')?.getAttribute('value') ?? row.querySelector('progress')?.value);
    for (let page = 1; page <= total; page++) {
      release[page - 1]?.();
      if (page < total) {
        await waitFor(() =>
          expect(screen.getByTestId('file-pages').textContent?.trim()).toBe(`第 ${page}/${total} 页`),
        );
        expect(progress()).toBeCloseTo(page / total);
        expect(row.dataset.status).toBe('reading');
      }
    }
    await waitFor(() => expect(row.dataset.status).toBe('added'), { timeout: 20_000 });
    expect(screen.queryByTestId('file-pages')).toBeNull();
    expect(progress()).toBe(1);
    expect(await db.reports.where('source').equals('user').count()).toBe(1);
  }, 60_000);
});

describe('reading a PDF ahead', () => {
  /** A document whose page n answers after a delay that shrinks with n: later pages come back first. */
  function shuffledDoc(total: number, failAt?: number) {
    const requested: number[] = [];
    const doc: PdfDocumentLike = {
      numPages: total,
      async getPage(n) {
        requested.push(n);
        await new Promise((r) => setTimeout(r, (total - n) * 3));
        if (n === failAt) throw new Error(`page ${n} is broken`);
        return {
          async getTextContent() {
            // a different word per page: a line repeated on every page would be dropped as a running head
            const str = `${'甲乙丙丁戊己庚辛壬癸子丑'[n - 1]}项：第${n}页说明工作任务和完成时限要求。`;
            return { items: [{ str, transform: [12, 0, 0, 12, 72, 700], height: 12, hasEOL: true }] };
          },
        };
      },
    };
    return { doc, requested };
  }

  it('keeps page order and reports each page in turn, never asking more than READ_AHEAD pages ahead', async () => {
    const { doc, requested } = shuffledDoc(12);
    const seen: Array<[number, number]> = [];
    const result = await pdfText('ahead.pdf', doc, (done, total) => {
      seen.push([done, total]);
      // when page `done` is reported, pages up to done + READ_AHEAD may have been asked for, no more
      expect(Math.max(...requested)).toBeLessThanOrEqual(Math.min(12, done + READ_AHEAD));
    });
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 12]));
    const order = [...result.text.matchAll(/第(\d+)页/gu)].map((m) => Number(m[1]));
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(requested).size).toBe(12);
  });

  it('fails with the broken page’s error, and nothing is left unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const { doc } = shuffledDoc(8, 3);
      await expect(pdfText('broken.pdf', doc)).rejects.toThrow('page 3 is broken');
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
