/** What kind of thing a catalogue entry names; drives grouping and filtering in the UI. */
export type TermCategory =
  | 'reform' // a structural reform line (三医协同, 分级诊疗)
  | 'program' // a named, funded or scheduled programme (千县工程, 攀登计划)
  | 'campaign' // a time-boxed drive or rectification (点题整治)
  | 'slogan' // a numbered formula or political slogan (三个转变, 五大体系)
  | 'institution' // an organisational form (紧密型医共体, 国家区域医疗中心)
  | 'policy'; // a standing policy instrument (家庭医生签约服务)

export interface TermEntry {
  /** Stable ASCII id, used as a database key and in URLs: never change it once shipped. */
  id: string;
  /** Canonical Chinese name as the reports most often write it, without quotation marks. */
  canonical: string;
  /**
   * Other written forms that must be recognised as this term: short and long official names,
   * traditional-script forms, common English renderings. Quotation marks and spaces need not be
   * listed (normalisation ignores them); traditional forms should still be listed where they are
   * what a reader would search for.
   */
  aliases: string[];
  category: TermCategory;
  /** One line, in Chinese, written by us: what the term is. */
  explanation: string;
  /** One line in English (for the English UI). */
  explanationEn: string;
  /** Ids of related entries (predecessors, parts, coordinated programmes). */
  related: string[];
  /** Why a borderline alias/related choice was made; shown to maintainers only. */
  note?: string;
}

/** The part of an entry the page scanner needs: how the term is written. */
export type TermForms = Pick<TermEntry, 'id' | 'canonical' | 'aliases'>;

/** The part of an entry that explains the term: for the card, the popup and search. */
export type TermText = Omit<TermEntry, 'id' | 'canonical' | 'aliases'>;
