import reportsJson from '../../seeds/reports.json';
import { CATALOGUE } from '../terms/catalogue';
import type { CorpusInput } from './build';
import type { ReportMeta } from './types';

// The seed texts are bundled as strings at build time (Vite's ?raw), so the corpus works offline
// and needs no host permission or fetch.
const files = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });

export const BUNDLED_REPORTS: readonly ReportMeta[] = reportsJson as ReportMeta[];

export function bundledCorpusInput(): CorpusInput {
  const texts: Record<string, string> = {};
  for (const report of BUNDLED_REPORTS) {
    const text = files[`../../seeds/${report.file}`];
    if (text === undefined) throw new Error(`seeds/${report.file} is listed in reports.json but not bundled`);
    texts[report.id] = text;
  }
  return { reports: BUNDLED_REPORTS, texts, catalogue: CATALOGUE };
}
