import { sentenceAround, spansIn } from '../../lib/corpus/sentences';
import { t } from '../../lib/i18n';
import type { SaveOutcome } from '../../lib/messages/clippings';
import type { CardPassage, TermCardData } from '../../lib/messages/corpus';
import { highlightParts } from './highlight-parts';
import { levelName, plural } from './labels';

export interface TermCardProps {
  canonical: string;
  /** The form written on the page, when it differs from the canonical name. */
  matchedForm: string;
  state: { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: TermCardData | null };
  onSave: (passage: CardPassage) => Promise<SaveOutcome>;
  onCopy: (passage: CardPassage) => Promise<boolean>;
  /** Opens the term's passages in a tab: all of them, or one report's when `reportId` is given. */
  onMore: (reportId?: string) => void;
  onClose: () => void;
}

function outcomeText(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return t('card_saved');
    case 'duplicate':
      return t('card_duplicate');
    case 'refused':
    case 'failed':
      return t('card_notSaved', outcome.reason);
  }
}

/** What a passage shows: its sentence (with ellipses where cut) or, expanded, the whole paragraph. */
function shownText(passage: CardPassage, expanded: boolean): { text: string; spans: [number, number][] } {
  if (expanded) return { text: passage.text, spans: passage.spans };
  const window = passage.sentence ?? sentenceAround(passage.text, passage.spans);
  const lead = window.clippedStart ? '…' : '';
  const tail = window.clippedEnd ? '…' : '';
  const spans = spansIn(passage.spans, window.start, window.end).map(
    ([s, e]) => [s + lead.length, e + lead.length] as [number, number],
  );
  return { text: `${lead}${passage.text.slice(window.start, window.end)}${tail}`, spans };
}

type Child = Node | string | null | false | undefined;

/**
 * The card is built with createElement and text nodes only: passages, titles and the page's own
 * form of the term are text from reports and pages, never markup. Plain DOM rather than a UI
 * library keeps the content script small (it runs in every page).
 */
function el(doc: Document, tag: string, attrs: Record<string, string> | null, ...children: Child[]): HTMLElement {
  const node = doc.createElement(tag);
  if (attrs) for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

function button(doc: Document, attrs: Record<string, string>, onClick: () => void, ...children: Child[]): HTMLElement {
  const node = el(doc, 'button', { type: 'button', ...attrs }, ...children);
  node.addEventListener('click', onClick);
  return node;
}

/** The level badge, and the 文库 badge for the user's own reports, each followed by a space. */
function badges(doc: Document, level: string, own: boolean | undefined): Child[] {
  return [
    el(doc, 'span', { class: `level level-${level}` }, levelName(level)),
    ' ',
    own && el(doc, 'span', { class: 'level own' }, t('library_badge')),
    own && ' ',
  ];
}

/** One passage: the sentence (or paragraph), its source, and save/copy/expand with their status. */
function passageItem(doc: Document, passage: CardPassage, props: TermCardProps): HTMLElement {
  let expanded = false;
  const item = el(doc, 'li', { class: 'passage', 'data-passage-id': passage.passageId });
  const status = el(doc, 'span', { class: 'status', role: 'status' });
  const say = (text: string) => {
    status.textContent = text;
  };
  const source = el(
    doc,
    'p',
    { class: 'source', title: passage.reportTitle },
    ...badges(doc, passage.level, passage.own),
    el(doc, 'span', { class: 'issuer' }, passage.issuer),
    el(doc, 'span', { class: 'sep' }, ' · '),
    el(doc, 'span', { class: 'date' }, passage.date),
    passage.section && el(doc, 'span', { class: 'sep' }, ' · '),
    passage.section && el(doc, 'span', { class: 'section' }, passage.section),
  );
  const text = el(doc, 'p', { class: 'text' });
  const expand = button(doc, { class: 'expand', 'data-action': 'expand' }, () => {
    expanded = !expanded;
    draw();
  });
  const save = button(doc, { 'data-action': 'save' }, async () => {
    say(t('card_saving'));
    try {
      say(outcomeText(await props.onSave(passage)));
    } catch (error) {
      say(t('card_notSaved', error instanceof Error ? error.message : String(error)));
    }
  });
  save.textContent = t('card_save');
  const copy = button(doc, { 'data-action': 'copy' }, async () => {
    // what the reader sees is what they quote: the sentence, or the paragraph once expanded
    const shown = shownText(passage, expanded);
    say(
      (await props.onCopy({ ...passage, text: shown.text, spans: shown.spans }))
        ? t('card_copied')
        : t('card_copyFailed'),
    );
  });
  copy.textContent = t('card_copy');
  const actions = el(doc, 'div', { class: 'actions' }, expand, save, copy, status);
  item.append(text, source, actions);

  const draw = () => {
    const shown = shownText(passage, expanded);
    text.replaceChildren(
      ...highlightParts(shown.text, shown.spans).map((part) => el(doc, part.marked ? 'mark' : 'span', null, part.text)),
    );
    item.dataset.expanded = String(expanded);
    // a sentence that is already the whole paragraph has nothing to expand
    if (shown.text === passage.text && !expanded) expand.remove();
    else if (!expand.isConnected) actions.prepend(expand);
    expand.setAttribute('aria-expanded', String(expanded));
    expand.textContent = expanded ? t('card_collapse') : t('card_expand');
  };
  draw();
  return item;
}

/** The card's body for a state: loading, error, unknown term, or the term with its passages. */
function body(doc: Document, props: TermCardProps): Child[] {
  const { state, onMore } = props;
  const muted = (text: string) => el(doc, 'p', { class: 'muted' }, text);
  if (state.kind === 'loading') return [muted(t('card_loading'))];
  if (state.kind === 'error') return [muted(t('card_error', state.message))];
  const data = state.data;
  if (!data) return [muted(t('card_unknownTerm'))];
  const hiddenPassages = data.total - data.passages.length;
  const reportTotal = data.reportTotal ?? data.perReport.length;
  const hiddenReports = reportTotal - data.perReport.length;
  const parts: Child[] = [el(doc, 'p', { class: 'explanation' }, data.term.explanation)];
  if (data.total === 0) parts.push(muted(t('card_noPassages')));
  else {
    parts.push(
      el(doc, 'ol', { class: 'passages' }, ...data.passages.map((p) => passageItem(doc, p, props))),
      hiddenPassages > 0 &&
        el(
          doc,
          'p',
          { class: 'muted more-count', 'data-testid': 'more-count' },
          plural('card_morePassages', hiddenPassages),
        ),
      el(
        doc,
        'ul',
        { class: 'reports', 'aria-label': t('card_reportsLabel') },
        ...data.perReport.map((r) =>
          el(
            doc,
            'li',
            null,
            button(
              doc,
              {
                class: 'report-link',
                'data-action': 'report',
                'data-report-id': r.reportId,
                title: t('card_openReport'),
              },
              () => onMore(r.reportId),
              ...badges(doc, r.level, r.own),
              el(doc, 'span', { class: 'report-title' }, r.title),
              ' ',
              el(doc, 'b', null, plural('card_reportCount', r.count)),
            ),
          ),
        ),
        hiddenReports > 0 && el(doc, 'li', { class: 'muted' }, plural('card_moreReports', hiddenReports)),
      ),
    );
  }
  parts.push(
    el(
      doc,
      'footer',
      null,
      button(doc, { class: 'more', 'data-action': 'more' }, () => onMore(), plural('card_all', data.total)),
    ),
  );
  return parts;
}

/**
 * The hover card: what the programme is and, sentence by sentence, what the reports say about it.
 * One element, kept while the card is hidden and re-drawn for each state: the header (and a focus
 * the keyboard put on its close button) stays, the body is replaced.
 */
export class TermCardView {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly form: HTMLElement;
  private readonly close: HTMLElement;
  private props: TermCardProps | null = null;

  constructor(private readonly doc: Document) {
    this.title = el(doc, 'h2', { class: 'term' });
    this.form = el(doc, 'span', { class: 'form' });
    this.close = button(doc, { class: 'close', 'aria-label': t('card_close') }, () => this.props?.onClose(), '×');
    this.element = el(
      doc,
      'section',
      { class: 'card', role: 'dialog' },
      el(doc, 'header', null, this.title, this.close),
    );
  }

  /** Shows `props`: the header updated in place, the body rebuilt. */
  render(props: TermCardProps): this {
    this.props = props;
    const { canonical, matchedForm } = props;
    this.element.setAttribute('aria-label', t('card_dialogLabel', canonical));
    this.title.textContent = canonical;
    if (matchedForm !== canonical) {
      this.form.textContent = t('card_writtenAs', matchedForm);
      this.title.after(this.form);
    } else this.form.remove();
    const header = this.title.parentElement as HTMLElement;
    while (header.nextSibling) header.nextSibling.remove();
    for (const part of body(this.doc, props)) if (part) this.element.append(part);
    return this;
  }
}
