import { useState } from 'preact/hooks';
import type { AdminLevel } from '../../lib/corpus/types';
import type { SaveOutcome } from '../../lib/messages/clippings';
import type { CardPassage, TermCardData } from '../../lib/messages/corpus';
import { HighlightedText } from './HighlightedText';
import { sourceLine } from './source-line';

const LEVEL: Record<AdminLevel, string> = {
  national: '国家',
  'multi-provincial': '多省',
  provincial: '省级',
  municipal: '市级',
};

export interface TermCardProps {
  canonical: string;
  /** The form written on the page, when it differs from the canonical name. */
  matchedForm: string;
  state: { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; data: TermCardData | null };
  onSave: (passage: CardPassage) => Promise<SaveOutcome>;
  onCopy: (passage: CardPassage) => Promise<boolean>;
  onMore: () => void;
  onClose: () => void;
}

function outcomeText(outcome: SaveOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return '已保存';
    case 'duplicate':
      return '已在摘录中';
    case 'refused':
    case 'failed':
      return `未保存：${outcome.reason}`;
  }
}

function PassageItem({ passage, onSave, onCopy }: { passage: CardPassage } & Pick<TermCardProps, 'onSave' | 'onCopy'>) {
  const [status, setStatus] = useState<string>('');
  return (
    <li class="passage" data-passage-id={passage.passageId}>
      <p class="text">
        <HighlightedText text={passage.text} spans={passage.spans} />
      </p>
      <p class="source">
        <span class={`level level-${passage.level}`}>{LEVEL[passage.level]}</span> {sourceLine(passage)}
      </p>
      <div class="actions">
        <button
          type="button"
          data-action="save"
          onClick={async () => {
            setStatus('保存中…');
            try {
              setStatus(outcomeText(await onSave(passage)));
            } catch (error) {
              setStatus(`未保存：${error instanceof Error ? error.message : String(error)}`);
            }
          }}
        >
          保存摘录
        </button>
        <button
          type="button"
          data-action="copy"
          onClick={async () => setStatus((await onCopy(passage)) ? '已复制（含出处）' : '复制失败')}
        >
          复制并注明出处
        </button>
        <span class="status" role="status">
          {status}
        </span>
      </div>
    </li>
  );
}

/** The hover card: what the programme is and what the reports say about it. */
export function TermCard({ canonical, matchedForm, state, onSave, onCopy, onMore, onClose }: TermCardProps) {
  const data = state.kind === 'ready' ? state.data : null;
  return (
    <section class="card" role="dialog" aria-label={`${canonical}：报告摘录`}>
      <header>
        <h2 class="term">{canonical}</h2>
        {matchedForm !== canonical && <span class="form">页面写作「{matchedForm}」</span>}
        <button type="button" class="close" aria-label="关闭" onClick={onClose}>
          ×
        </button>
      </header>
      {state.kind === 'loading' && <p class="muted">正在查找报告……</p>}
      {state.kind === 'error' && <p class="muted">无法读取报告：{state.message}</p>}
      {state.kind === 'ready' && !data && <p class="muted">目录中没有这个术语。</p>}
      {data && (
        <>
          <p class="explanation">{data.term.explanation}</p>
          {data.total === 0 ? (
            <p class="muted">随附报告中没有提到这个术语。</p>
          ) : (
            <>
              <ul class="reports" aria-label="各报告段落数">
                {data.perReport.map((r) => (
                  <li key={r.reportId}>
                    <span class={`level level-${r.level}`}>{LEVEL[r.level]}</span> {r.title}
                    <b> {r.count}</b>
                  </li>
                ))}
              </ul>
              <ol class="passages">
                {data.passages.map((p) => (
                  <PassageItem key={p.passageId} passage={p} onSave={onSave} onCopy={onCopy} />
                ))}
              </ol>
            </>
          )}
          <footer>
            <button type="button" class="more" data-action="more" onClick={onMore}>
              全部 {data.total} 段 →
            </button>
          </footer>
        </>
      )}
    </section>
  );
}
