import { normalizeKey } from '../text/fold';
import { fnv1a } from '../text/hash';
import { allForms, termProblems } from './term-data';
import { TERM_CATEGORIES, type TermCategory, type TermData, type TermForms } from './types';

// Glossary import and export: CSV or TSV with the columns 术语, 别名 (separated by ；, ; or |),
// 类别, 说明 — or the same in English (term, aliases, category, explanation) — and JSON in the
// catalogue's own format. Parsing checks every row and reports every problem with its row number;
// planning compares the result with the terms already known and lists duplicates and conflicts
// for the user to decide. Nothing here writes: the caller stores the plan only when it is clean.

export type GlossaryFormat = 'csv' | 'tsv' | 'json';

const COLUMNS: Record<string, 'term' | 'aliases' | 'category' | 'explanation'> = {
  术语: 'term',
  名称: 'term',
  term: 'term',
  name: 'term',
  别名: 'aliases',
  aliases: 'aliases',
  类别: 'category',
  category: 'category',
  说明: 'explanation',
  解释: 'explanation',
  explanation: 'explanation',
};

const CATEGORY_LABELS: Record<string, TermCategory> = {
  改革: 'reform',
  项目: 'program',
  工程: 'program',
  行动: 'campaign',
  活动: 'campaign',
  提法: 'slogan',
  口号: 'slogan',
  机构: 'institution',
  政策: 'policy',
  制度: 'policy',
};

const ALIAS_SEPARATORS = /[；;|｜]/u;
const MAX_ROWS = 20_000;

export interface ParsedGlossary {
  terms: TermData[];
  /** Every problem, with its row (1 = the header). Non-empty means: import nothing. */
  problems: string[];
}

/** A stable id for a user's term, from its name: the same name imported twice gets the same id. */
export function userTermId(canonical: string): string {
  return `user-${fnv1a(normalizeKey(canonical))}`;
}

/** RFC 4180 fields: quotes around a field, "" for a quote inside, line breaks inside quotes. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export function detectFormat(text: string, fileName = ''): GlossaryFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.json') || /^\s*[[{]/u.test(text)) return 'json';
  if (lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'tsv';
  const firstLine = text.split(/\r?\n/u, 1)[0] ?? '';
  return firstLine.includes('\t') && !firstLine.includes(',') ? 'tsv' : 'csv';
}

function categoryOf(label: string): TermCategory | null {
  const trimmed = label.trim();
  if (trimmed === '') return 'program';
  if (TERM_CATEGORIES.includes(trimmed as TermCategory)) return trimmed as TermCategory;
  return CATEGORY_LABELS[trimmed] ?? null;
}

function parseTable(text: string, delimiter: string): ParsedGlossary {
  const rows = parseDelimited(text.replace(/^\ufeff/u, ''), delimiter);
  const problems: string[] = [];
  const header = (rows[0] ?? []).map((h) => COLUMNS[h.trim().toLowerCase()] ?? COLUMNS[h.trim()] ?? null);
  if (!header.includes('term')) return { terms: [], problems: ['row 1: no 术语 / term column'] };
  if (rows.length - 1 > MAX_ROWS) return { terms: [], problems: [`more than ${MAX_ROWS} rows`] };
  const terms: TermData[] = [];
  rows.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const get = (column: string) => {
      const at = header.indexOf(column as never);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    const canonical = get('term');
    if (canonical === '') {
      problems.push(`row ${row}: empty 术语`);
      return;
    }
    const category = categoryOf(get('category'));
    if (category === null) {
      problems.push(`row ${row}: unknown 类别 “${get('category')}”`);
      return;
    }
    const aliases = [
      ...new Set(
        get('aliases')
          .split(ALIAS_SEPARATORS)
          .map((a) => a.trim())
          .filter((a) => a !== '' && a !== canonical),
      ),
    ];
    const term: TermData = {
      id: userTermId(canonical),
      canonical,
      aliases,
      category,
      explanation: get('explanation'),
      explanationEn: '',
      related: [],
      source: 'user',
    };
    for (const p of termProblems(term)) problems.push(`row ${row}: ${p}`);
    terms.push(term);
  });
  return { terms, problems };
}

function parseJson(text: string): ParsedGlossary {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch (error) {
    return { terms: [], problems: [`not JSON: ${(error as Error).message}`] };
  }
  const list = Array.isArray(value) ? value : (value as { terms?: unknown })?.terms;
  if (!Array.isArray(list)) return { terms: [], problems: ['JSON: expected a list of terms or { "terms": [...] }'] };
  const problems: string[] = [];
  const terms: TermData[] = [];
  list.forEach((raw, index) => {
    const item = raw as Partial<TermData>;
    const term = {
      ...item,
      id: typeof item.id === 'string' ? item.id : userTermId(String(item.canonical ?? '')),
      aliases: item.aliases ?? [],
      explanationEn: item.explanationEn ?? '',
      related: item.related ?? [],
      category: item.category ?? 'program',
      explanation: item.explanation ?? '',
      source: 'user' as const,
    } as TermData;
    for (const p of termProblems(term)) problems.push(`term ${index + 1}: ${p}`);
    terms.push(term);
  });
  return { terms, problems };
}

/** Parses a glossary; the same name twice in one file is a problem too. */
export function parseGlossary(text: string, format: GlossaryFormat): ParsedGlossary {
  const parsed = format === 'json' ? parseJson(text) : parseTable(text, format === 'tsv' ? '\t' : ',');
  const owner = new Map<string, string>();
  for (const term of parsed.terms) {
    if (parsed.problems.length > 0) break;
    for (const key of new Set(allForms(term).map(normalizeKey))) {
      const other = owner.get(key);
      if (other !== undefined && other !== term.canonical)
        parsed.problems.push(`“${key}” is a name of both ${other} and ${term.canonical} in this file`);
      owner.set(key, term.canonical);
    }
  }
  return parsed;
}

export interface GlossaryConflict {
  /** The imported term and the form that clashes. */
  imported: string;
  form: string;
  /** The known term that already owns the form. */
  existingId: string;
  existing: string;
}

export interface GlossaryPlan {
  /** New terms, none of whose forms is known. */
  add: TermData[];
  /** Imported terms whose canonical name is a known term's name: the user may merge their aliases. */
  duplicates: { imported: TermData; existingId: string }[];
  /** Imported forms owned by another known term: the user decides, nothing is taken silently. */
  conflicts: GlossaryConflict[];
}

/** Compares parsed terms with the known ones (catalogue and the user's). */
export function planGlossaryImport(terms: readonly TermData[], known: readonly TermForms[]): GlossaryPlan {
  const owner = new Map<string, TermForms>();
  for (const term of known) for (const form of [term.canonical, ...term.aliases]) owner.set(normalizeKey(form), term);
  const plan: GlossaryPlan = { add: [], duplicates: [], conflicts: [] };
  for (const term of terms) {
    const same = owner.get(normalizeKey(term.canonical));
    if (same) {
      plan.duplicates.push({ imported: term, existingId: same.id });
      continue;
    }
    const clashes = allForms(term)
      .map((form) => ({ form, other: owner.get(normalizeKey(form)) }))
      .filter((c): c is { form: string; other: TermForms } => c.other !== undefined);
    if (clashes.length === 0) plan.add.push(term);
    for (const { form, other } of clashes)
      plan.conflicts.push({ imported: term.canonical, form, existingId: other.id, existing: other.canonical });
  }
  return plan;
}

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/u.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV (UTF-8 with BOM, so Excel opens it right) or TSV, with the Chinese column names. */
export function glossaryToTable(terms: readonly TermData[], format: 'csv' | 'tsv' = 'csv'): string {
  const d = format === 'tsv' ? '\t' : ',';
  const lines = [['术语', '别名', '类别', '说明'].join(d)];
  for (const t of terms)
    lines.push([t.canonical, t.aliases.join('；'), t.category, t.explanation].map((v) => csvField(v, d)).join(d));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export function glossaryToJson(terms: readonly TermData[]): string {
  return `${JSON.stringify({ format: 1, terms }, null, 2)}\n`;
}
