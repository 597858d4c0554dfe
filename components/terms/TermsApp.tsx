import { useEffect, useMemo, useState } from 'preact/hooks';
import { database } from '../../lib/db/database';
import { corpusReady } from '../../lib/db/queries';
import { t } from '../../lib/i18n';
import { CATALOGUE } from '../../lib/terms/catalogue';
import { type Candidate, discoverCandidates } from '../../lib/terms/discover';
import {
  detectFormat,
  type GlossaryPlan,
  glossaryToJson,
  glossaryToTable,
  parseGlossary,
} from '../../lib/terms/glossary';
import { decodeGlossary } from '../../lib/terms/glossary-decode';
import { TERM_CATEGORIES, type TermCategory, type TermEntry } from '../../lib/terms/types';
import { normalizeKey } from '../../lib/text/fold';
import {
  addAlias,
  addTerm,
  deleteTerm,
  dismissCandidate,
  importPlan,
  knownTerms,
  planImport,
  removeAlias,
  setHidden,
  splitAliases,
  userTermsForExport,
} from './term-actions';

const BUNDLED_IDS = new Set(CATALOGUE.map((term) => term.id));
/** aliasTarget's key for the add form (candidates use their names, which are never this). */
const ADD_FORM = '\u0000add';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** terms.html: the catalogue by category, the user's terms and overrides, glossary import/export, discovery. */
export function TermsApp({ search = location.search }: { search?: string }) {
  const db = database();
  const prefill = new URLSearchParams(search).get('add') ?? '';
  const [terms, setTerms] = useState<TermEntry[]>([]);
  const [hidden, setHiddenIds] = useState<Set<string>>(new Set());
  const [query, setQuery] = useState('');
  const [form, setForm] = useState({
    canonical: prefill.trim().slice(0, 60),
    aliases: '',
    category: 'program' as TermCategory,
    explanation: '',
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [aliasDraft, setAliasDraft] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<GlossaryPlan | null>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [aliasTarget, setAliasTarget] = useState<Record<string, string>>({});

  const reload = async () => {
    setTerms(await knownTerms(db));
    setHiddenIds(new Set(await db.hiddenTerms.toCollection().primaryKeys()));
  };
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (await corpusReady(db)) {
        if (!stopped) await reload();
      } else if (!stopped) setTimeout(poll, 150);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, []);

  const shown = useMemo(() => {
    const key = normalizeKey(query);
    const all = [...terms, ...CATALOGUE.filter((c) => hidden.has(c.id))];
    return key
      ? all.filter((term) => [term.canonical, ...term.aliases].some((f) => normalizeKey(f).includes(key)))
      : all;
  }, [terms, hidden, query]);

  const report = (ok: boolean, problems: string[], done: string) =>
    setMessage({ ok, text: ok ? done : `${t('terms_refused')} ${problems.join('；')}` });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!form.canonical.trim()) return;
    const result = await addTerm(db, { ...form, aliases: splitAliases(form.aliases) });
    report(result.ok, result.problems, t('terms_added', form.canonical.trim()));
    if (result.ok) setForm({ canonical: '', aliases: '', category: form.category, explanation: '' });
    await reload();
  };

  const onFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setPlan(null);
    setImportProblems([]);
    if (!file) return;
    const { text } = decodeGlossary(new Uint8Array(await file.arrayBuffer()));
    const parsed = parseGlossary(text, detectFormat(text, file.name));
    if (parsed.problems.length > 0) {
      setImportProblems(parsed.problems);
      return;
    }
    setPlan(await planImport(db, parsed.terms));
  };

  const runImport = async () => {
    if (!plan) return;
    const result = await importPlan(db, plan);
    report(result.ok, result.problems, t('terms_imported', plan.add.length));
    setPlan(null);
    await reload();
  };

  const discover = async () => {
    const passages = (await db.passages.toArray()).map((p) => ({
      reportId: p.reportId,
      passageId: p.id,
      text: p.text,
    }));
    const dismissed = (await db.dismissedCandidates.toArray()).map((d) => d.name);
    setCandidates(discoverCandidates(passages, { known: terms, dismissed }).slice(0, 60));
  };

  const byCategory = TERM_CATEGORIES.map(
    (category) => [category, shown.filter((term) => term.category === category)] as const,
  );

  return (
    <main>
      <h1>{t('terms_title')}</h1>
      <p class="meta">{t('terms_intro')}</p>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role="status" data-testid="terms-message">
          {message.text}
        </p>
      )}

      <section>
        <h2>{t('terms_addHeading')}</h2>
        <form onSubmit={submit} data-testid="add-term-form">
          <label>
            {t('terms_canonical')}
            <input
              data-testid="term-canonical"
              required
              value={form.canonical}
              onInput={(e) => setForm({ ...form, canonical: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('terms_aliases')}
            <input
              data-testid="term-aliases"
              value={form.aliases}
              placeholder={t('terms_aliasesHint')}
              onInput={(e) => setForm({ ...form, aliases: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('terms_category')}
            <select
              value={form.category}
              onChange={(e) => setForm({ ...form, category: e.currentTarget.value as TermCategory })}
            >
              {TERM_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`terms_category_${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('terms_explanation')}
            <input value={form.explanation} onInput={(e) => setForm({ ...form, explanation: e.currentTarget.value })} />
          </label>
          <button type="submit" data-testid="term-save">
            {t('terms_save')}
          </button>
        </form>
        {form.canonical.trim() && (
          // the same short form from the context menu: the selection may be another name of a known term
          <p>
            <select
              data-testid="alias-of"
              value={aliasTarget[ADD_FORM] ?? ''}
              onChange={(e) => setAliasTarget({ ...aliasTarget, [ADD_FORM]: e.currentTarget.value })}
            >
              <option value="">{t('terms_chooseTerm')}</option>
              {terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {term.canonical}
                </option>
              ))}
            </select>{' '}
            <button
              type="button"
              data-testid="add-as-alias"
              disabled={!aliasTarget[ADD_FORM]}
              onClick={async () => {
                const name = form.canonical.trim();
                const result = await addAlias(db, aliasTarget[ADD_FORM] ?? '', name);
                report(result.ok, result.problems, t('terms_aliasAdded', name));
                if (result.ok) setForm({ ...form, canonical: '' });
                await reload();
              }}
            >
              {t('terms_acceptAlias')}
            </button>
          </p>
        )}
      </section>

      <section>
        <h2>{t('terms_glossaryHeading')}</h2>
        <input type="file" accept=".csv,.tsv,.txt,.json" data-testid="glossary-file" onChange={onFile} />
        {importProblems.length > 0 && (
          <ul class="error" data-testid="glossary-problems">
            {importProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {plan && (
          <div data-testid="glossary-plan">
            <p>{t('terms_planSummary', plan.add.length, plan.duplicates.length, plan.conflicts.length)}</p>
            {plan.duplicates.length > 0 && (
              <ul>
                {plan.duplicates.map((d) => (
                  <li key={d.imported.id}>{t('terms_duplicate', d.imported.canonical)}</li>
                ))}
              </ul>
            )}
            {plan.conflicts.length > 0 && (
              <ul class="error">
                {plan.conflicts.map((c) => (
                  <li key={`${c.imported}|${c.form}`}>{t('terms_conflict', c.imported, c.form, c.existing)}</li>
                ))}
              </ul>
            )}
            <button
              type="button"
              data-testid="glossary-import"
              disabled={plan.conflicts.length > 0 || plan.add.length === 0}
              onClick={runImport}
            >
              {t('terms_importButton', plan.add.length)}
            </button>
          </div>
        )}
        <p>
          <button
            type="button"
            onClick={async () => download('terms.csv', glossaryToTable(await userTermsForExport(db)), 'text/csv')}
          >
            {t('terms_exportCsv')}
          </button>{' '}
          <button
            type="button"
            onClick={async () =>
              download('terms.json', glossaryToJson(await userTermsForExport(db)), 'application/json')
            }
          >
            {t('terms_exportJson')}
          </button>
        </p>
      </section>

      <section>
        <h2>{t('terms_catalogueHeading')}</h2>
        <input
          type="search"
          data-testid="terms-search"
          placeholder={t('terms_searchPlaceholder')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        {byCategory.map(([category, list]) =>
          list.length === 0 ? null : (
            <details key={category} open={query.length > 0 || list.some((term) => !BUNDLED_IDS.has(term.id))}>
              <summary>
                {t(`terms_category_${category}`)} ({list.length})
              </summary>
              <ul class="terms">
                {list.map((term) => {
                  const isHidden = hidden.has(term.id);
                  const bundled = BUNDLED_IDS.has(term.id);
                  return (
                    <li key={term.id} data-testid="term-row" data-term={term.id} class={isHidden ? 'hidden-term' : ''}>
                      <strong>{term.canonical}</strong>{' '}
                      <span class="meta">{bundled ? t('terms_bundled') : t('terms_yours')}</span>
                      {term.explanation && <div class="meta">{term.explanation}</div>}
                      <div class="aliases">
                        {term.aliases.map((alias) => (
                          <span key={alias} class="alias">
                            {alias}
                            {!isHidden && (
                              <button
                                type="button"
                                title={t('terms_removeAlias')}
                                aria-label={`${t('terms_removeAlias')} ${alias}`}
                                onClick={async () => {
                                  await removeAlias(db, term.id, alias);
                                  await reload();
                                }}
                              >
                                ×
                              </button>
                            )}
                          </span>
                        ))}
                      </div>
                      {!isHidden && (
                        <form
                          class="inline"
                          onSubmit={async (e) => {
                            e.preventDefault();
                            const result = await addAlias(db, term.id, aliasDraft[term.id] ?? '');
                            report(result.ok, result.problems, t('terms_aliasAdded', aliasDraft[term.id] ?? ''));
                            if (result.ok) setAliasDraft({ ...aliasDraft, [term.id]: '' });
                            await reload();
                          }}
                        >
                          <input
                            value={aliasDraft[term.id] ?? ''}
                            placeholder={t('terms_newAlias')}
                            onInput={(e) => setAliasDraft({ ...aliasDraft, [term.id]: e.currentTarget.value })}
                          />
                          <button type="submit">{t('terms_addAlias')}</button>
                        </form>
                      )}
                      {bundled ? (
                        <button
                          type="button"
                          data-testid="term-hide"
                          onClick={async () => {
                            await setHidden(db, term.id, !isHidden);
                            await reload();
                          }}
                        >
                          {isHidden ? t('terms_unhide') : t('terms_hide')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          onClick={async () => {
                            await deleteTerm(db, term.id);
                            await reload();
                          }}
                        >
                          {t('terms_delete')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </details>
          ),
        )}
      </section>

      <section>
        <h2>{t('terms_discoverHeading')}</h2>
        <button type="button" data-testid="discover" onClick={discover}>
          {t('terms_discoverButton')}
        </button>
        {candidates && candidates.length === 0 && <p class="meta">{t('terms_noCandidates')}</p>}
        <ul class="candidates">
          {(candidates ?? []).map((c) => (
            <li key={c.name} data-testid="candidate">
              <strong>{c.name}</strong> <span class="meta">{t('terms_candidateCounts', c.reports, c.passages)}</span>
              <div class="meta excerpt">{c.example.text.slice(0, 160)}</div>
              <button
                type="button"
                onClick={async () => {
                  const result = await addTerm(
                    db,
                    { canonical: c.name, aliases: [], category: 'program', explanation: '' },
                    'discovered',
                  );
                  report(result.ok, result.problems, t('terms_added', c.name));
                  setCandidates((candidates ?? []).filter((x) => x !== c));
                  await reload();
                }}
              >
                {t('terms_acceptTerm')}
              </button>{' '}
              <select
                value={aliasTarget[c.name] ?? ''}
                onChange={(e) => setAliasTarget({ ...aliasTarget, [c.name]: e.currentTarget.value })}
              >
                <option value="">{t('terms_chooseTerm')}</option>
                {terms.map((term) => (
                  <option key={term.id} value={term.id}>
                    {term.canonical}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={!aliasTarget[c.name]}
                onClick={async () => {
                  const result = await addAlias(db, aliasTarget[c.name] ?? '', c.name);
                  report(result.ok, result.problems, t('terms_aliasAdded', c.name));
                  setCandidates((candidates ?? []).filter((x) => x !== c));
                  await reload();
                }}
              >
                {t('terms_acceptAlias')}
              </button>{' '}
              <button
                type="button"
                onClick={async () => {
                  await dismissCandidate(db, c.name);
                  setCandidates((candidates ?? []).filter((x) => x !== c));
                }}
              >
                {t('terms_dismiss')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
