import { useRef } from 'preact/hooks';
import { CITATION_STYLES, type CitationStyle } from '../../lib/clippings/citation';
import { t, tn } from '../../lib/i18n';

export type ExportKind = 'md' | 'csv' | 'json' | 'csl' | 'ris';

interface Props {
  allSelected: boolean;
  onSelectAll: (on: boolean) => void;
  chosen: number;
  total: number;
  onDelete: () => void;
  onExport: (kind: ExportKind) => void;
  onImport: (file: File) => void;
  style: CitationStyle;
  onStyle: (style: CitationStyle) => void;
  selectionButton: boolean;
  onSelectionButton: (on: boolean) => void;
}

const STYLE_LABEL = { 'gbt7714-2025': 'clippings_style2025', 'gbt7714-2015': 'clippings_style2015' } as const;

const EXPORTS: { kind: ExportKind; label: () => string; testid: string }[] = [
  { kind: 'md', label: () => t('clippings_exportMarkdown'), testid: 'export-md' },
  { kind: 'csv', label: () => t('clippings_exportCsv'), testid: 'export-csv' },
  { kind: 'json', label: () => t('clippings_exportJson'), testid: 'export-json' },
  { kind: 'csl', label: () => t('clippings_exportCsl'), testid: 'export-csl' },
  { kind: 'ris', label: () => t('clippings_exportRis'), testid: 'export-ris' },
];

/** What to do with the selection (or everything): delete, export, import; and the page's settings. */
export function BulkActions(props: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const empty = (props.chosen || props.total) === 0;
  return (
    <section class="toolbar actions-bar" aria-label={t('clippings_actionsLabel')}>
      <div class="group">
        <label class="check">
          <input
            type="checkbox"
            checked={props.allSelected}
            onChange={(e) => props.onSelectAll((e.target as HTMLInputElement).checked)}
          />
          {t('clippings_selectAll')}
        </label>
        <span class="count" data-testid="selection-count">
          {props.chosen > 0 ? tn('clippings_selected', props.chosen) : tn('clippings_total', props.total)}
        </span>
        <button type="button" class="danger" disabled={props.chosen === 0} onClick={props.onDelete}>
          {t('clippings_deleteSelected')}
        </button>
      </div>
      <fieldset class="group" aria-label={props.chosen > 0 ? t('clippings_exportSelected') : t('clippings_exportAll')}>
        <span class="label">{props.chosen > 0 ? t('clippings_exportSelected') : t('clippings_exportAll')}</span>
        {EXPORTS.map((e) => (
          <button
            type="button"
            key={e.kind}
            data-testid={e.testid}
            disabled={empty}
            onClick={() => props.onExport(e.kind)}
          >
            {e.label()}
          </button>
        ))}
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('clippings_importBackup')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          data-testid="import"
          hidden
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) props.onImport(file);
          }}
        />
      </fieldset>
      <div class="group">
        <label class="field">
          {t('clippings_citationStyle')}
          <select
            value={props.style}
            data-testid="citation-style"
            onChange={(e) => props.onStyle((e.target as HTMLSelectElement).value as CitationStyle)}
          >
            {CITATION_STYLES.map((s) => (
              <option value={s} key={s}>
                {t(STYLE_LABEL[s])}
              </option>
            ))}
          </select>
        </label>
        <label class="check" title={t('clippings_selectionButtonHint')}>
          <input
            type="checkbox"
            checked={props.selectionButton}
            onChange={(e) => props.onSelectionButton((e.target as HTMLInputElement).checked)}
          />
          {t('clippings_selectionButton')}
        </label>
      </div>
    </section>
  );
}
