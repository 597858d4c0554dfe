// Bundled by scripts/discover-report.mjs: the bundled reports (read from seeds/ as the build
// bundles them), ingested as the corpus build does, fed to discovery with the catalogue as known.
import { readFileSync } from 'node:fs';
import { ingestReport } from '../lib/corpus/ingest';
import { TERM_FORMS } from '../lib/terms/catalogue-forms';
import { type Candidate, type DiscoveryPassage, discoverCandidates } from '../lib/terms/discover';
import * as textFold from '../lib/text/fold';
import reports from '../seeds/reports.json';

export function bundledPassages(): DiscoveryPassage[] {
  return (reports as { id: string; file: string }[]).flatMap((report) =>
    ingestReport(report.id, readFileSync(`seeds/${report.file}`, 'utf8')).passages.map((p) => ({
      reportId: report.id,
      passageId: p.id,
      text: p.text,
    })),
  );
}

export function runDiscovery(): Candidate[] {
  return discoverCandidates(bundledPassages(), { known: TERM_FORMS });
}

/**
 * Discovery as if the catalogue were empty, scored against it: a proposal is a real programme name
 * when it is a catalogue form (strict) or overlaps one (loose: a piece or an extension of one).
 */
export function scoreWithoutCatalogue(): {
  candidates: (Candidate & { verdict: string })[];
  strict: number;
  loose: number;
} {
  const { normalizeKey } = textFold;
  const keys = TERM_FORMS.flatMap((t) => [t.canonical, ...t.aliases].map(normalizeKey));
  const candidates = discoverCandidates(bundledPassages()).map((c) => {
    const key = normalizeKey(c.name);
    const verdict = keys.includes(key)
      ? 'catalogue name'
      : keys.some((k) => k.includes(key) || key.includes(k))
        ? 'overlaps a catalogue name'
        : '';
    return { ...c, verdict };
  });
  return {
    candidates,
    strict: candidates.filter((c) => c.verdict === 'catalogue name').length,
    loose: candidates.filter((c) => c.verdict !== '').length,
  };
}
