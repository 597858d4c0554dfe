/**
 * Administrative levels in reading order: the State Council and its ministries, several provinces
 * together, a province, a prefecture-level city, a county (县, 区, 旗, county-level city), and
 * 'other' for a body the user places nowhere (a society, a hospital, a news desk).
 */
export type AdminLevel = 'national' | 'provincial' | 'municipal' | 'multi-provincial' | 'county' | 'other';

/** Metadata of one report, from seeds/reports.json (or typed in by the user on import). */
export interface ReportMeta {
  /** Stable id, e.g. '2024-national-health-work-conference'. */
  id: string;
  /** File name in seeds/ (bundled reports only). */
  file?: string;
  title: string;
  issuer: string;
  level: AdminLevel;
  /** Where the report speaks for: 全国, 福建省, or the list of provinces it covers. */
  region: string;
  /** ISO date as precise as the text allows: 2024-01-29, 2024-07, 2024. */
  date: string;
  /** Last day of a meeting or of a series, when the report spans several days. */
  dateEnd?: string;
  description: string;
}

export type SectionKind = 'lead' | 'place' | 'article';

export interface Section {
  /** `${reportId}#${seq}` */
  id: string;
  reportId: string;
  seq: number;
  /** A place (漳州, 浙江) or an article heading; '导语' for text before any heading. */
  label: string;
  kind: SectionKind;
  /** Headings the section opened with, as printed (titles, bylines), line breaks repaired. */
  headings: string[];
}

export interface Passage {
  /** `${reportId}:${seq}`, seq counted over the whole report. */
  id: string;
  reportId: string;
  sectionId: string;
  /** The section label, copied so a passage can be shown without a second lookup. */
  section: string;
  seq: number;
  /** The text with print line breaks repaired: whole sentences, no line breaks. */
  text: string;
  /** [start, end) in UTF-16 code units of the source text the passage was cut from. */
  start: number;
  end: number;
}

export interface IngestedReport {
  sections: Section[];
  passages: Passage[];
}
