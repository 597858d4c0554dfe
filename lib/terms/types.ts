/** What kind of thing a catalogue entry names; drives grouping and filtering in the UI. */
export type TermCategory =
  | 'reform' // a structural reform line (三医协同, 分级诊疗)
  | 'program' // a named, funded or scheduled programme (千县工程, 攀登计划)
  | 'campaign' // a time-boxed drive or rectification (点题整治)
  | 'slogan' // a numbered formula or political slogan (三个转变, 五大体系)
  | 'institution' // an organisational form (紧密型医共体, 国家区域医疗中心)
  | 'policy'; // a standing policy instrument (家庭医生签约服务)

export const TERM_CATEGORIES: readonly TermCategory[] = [
  'reform',
  'program',
  'campaign',
  'slogan',
  'institution',
  'policy',
];

/** Where a term comes from: shipped with the extension, added by the user, or accepted from discovery. */
export type TermSource = 'bundled' | 'user' | 'discovered';

/**
 * What the text around a form must be about before the form is marked:
 * - `health`: Chinese health-policy vocabulary in the same block (numbered formulas such as 三个转变
 *   are also used by other industries and by party-building texts);
 * - `china-health`: English text about health care in China (phrases such as "national medical
 *   center" name institutions abroad too).
 */
export type ContextNeed = 'health' | 'china-health';

export interface ContextRule {
  needs: ContextNeed;
  /** Which forms the rule applies to; all of the term's forms when absent. */
  forms?: string[];
  /** Why the name needs the rule: shown to maintainers, never shipped to the content script. */
  reason: string;
}

export interface TermEntry {
  /** Stable ASCII id, used as a database key and in URLs: never change it once shipped. */
  id: string;
  /** Canonical Chinese name as the reports most often write it, without quotation marks. */
  canonical: string;
  /**
   * Other written forms that must be recognised as this term: short and long official names,
   * traditional-script forms, common English renderings. Quotation marks, spaces, hyphens, case and
   * English plurals need not be listed (normalisation and the pattern builder cover them).
   */
  aliases: string[];
  category: TermCategory;
  /** One line, in Chinese, written by us: what the term is. */
  explanation: string;
  /** One line in English (for the English UI). */
  explanationEn: string;
  /** Ids of related entries (predecessors, parts, coordinated programmes). */
  related: string[];
  /**
   * Ids of terms whose forms this term's forms contain on purpose: the longer form names one thing
   * (以公益性为导向的公立医院改革), not two programmes side by side, so its card is the right one.
   */
  contains?: string[];
  /** Why a borderline alias/related choice was made; shown to maintainers only. */
  note?: string;
  /** Marked only where the text is about health policy; see ContextRule. */
  context?: ContextRule;
  /** Absent on records written before sources existed: those are bundled. */
  source?: TermSource;
}

/**
 * One term as stored: in seeds/catalogue.json for bundled terms, and the same shape for the user's
 * and discovered terms. `variants` are patterns that expand to aliases (see variants.ts), so a
 * systematic family such as the 24 orders of 医疗、医保、医药协同发展和治理 is written once.
 */
export interface TermData extends TermEntry {
  variants?: string[];
  source: TermSource;
}

/** The part of an entry the page scanner needs: how the term is written, and where it may be marked. */
export type TermForms = Pick<TermEntry, 'id' | 'canonical' | 'aliases'> & {
  context?: { needs: ContextNeed; forms?: string[] };
};

/** The part of an entry that explains the term: for the card, the popup and search. */
export type TermText = Omit<TermEntry, 'id' | 'canonical' | 'aliases'>;
