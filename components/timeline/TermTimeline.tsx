import { useState } from 'preact/hooks';
import { spansIn } from '../../lib/corpus/sentences';
import { regionKey, type Timeline, type TimelineLane, type TimelinePoint } from '../../lib/db/term-timeline';
import { t } from '../../lib/i18n';
import { HighlightedText } from '../card/HighlightedText';
import { levelName, plural } from '../card/labels';

/** A lane with this many reports or fewer is listed open; a larger one opens year by year. */
export const OPEN_LANE = 12;
/** Points a list shows before "show more"; each press shows this many more. */
export const LIST_PAGE = 20;

function Sentence({ point }: { point: TimelinePoint }) {
  const { passage, sentence, spans } = point;
  const lead = sentence.start > 0 ? '…' : '';
  const tail = sentence.end < passage.text.length ? '…' : '';
  const marks = spansIn(spans, sentence.start, sentence.end).map(
    ([s, e]) => [s + lead.length, e + lead.length] as [number, number],
  );
  return <HighlightedText text={`${lead}${passage.text.slice(sentence.start, sentence.end)}${tail}`} spans={marks} />;
}

function PointList({ points, onPassage }: { points: TimelinePoint[]; onPassage: (id: string) => void }) {
  const [shown, setShown] = useState(LIST_PAGE);
  const rest = points.length - shown;
  return (
    <>
      <ol class="points">
        {points.slice(0, shown).map((p) => (
          <li key={p.report.id} class="point" data-report-id={p.report.id} data-date={p.report.date}>
            <button
              type="button"
              class="row"
              data-nav
              data-point-passage={p.passage.id}
              onClick={() => onPassage(p.passage.id)}
            >
              <span class="point-head">
                <time>{p.report.date}</time> <span class="point-region">{regionKey(p.report.region)}</span>{' '}
                <span class="point-title">{p.report.title}</span>{' '}
                <span class="meta">{plural('timeline_passages', p.count)}</span>
              </span>
              <span class="point-sentence">
                <Sentence point={p} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {rest > 0 && (
        <button type="button" class="link more-points" data-nav onClick={() => setShown((n) => n + LIST_PAGE)}>
          {plural('timeline_showMore', Math.min(rest, LIST_PAGE))}
        </button>
      )}
    </>
  );
}

/** A group that lists its points only once opened: a closed group renders nothing inside. */
function Group({
  label,
  count,
  initiallyOpen,
  kind,
  children,
}: {
  label: string;
  count: number;
  initiallyOpen: boolean;
  kind: 'year' | 'region';
  children: () => preact.ComponentChildren;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <li class={`group group-${kind}`} data-group={label}>
      <button type="button" class="group-toggle" data-nav aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? '▾' : '▸'} {label} <span class="meta">{plural('timeline_reports', count)}</span>
      </button>
      {open && children()}
    </li>
  );
}

function Lane({ lane, onPassage }: { lane: TimelineLane; onPassage: (id: string) => void }) {
  const small = lane.count <= OPEN_LANE;
  return (
    <li class="lane" data-level={lane.level}>
      <h4>
        <span class={`badge level-${lane.level}`}>{levelName(lane.level)}</span>{' '}
        <span class="meta">
          {plural('timeline_reports', lane.count)} ·{' '}
          {lane.first === lane.last ? lane.first : `${lane.first} – ${lane.last}`}
        </span>
      </h4>
      {small ? (
        <PointList points={lane.years.flatMap((y) => y.points)} onPassage={onPassage} />
      ) : (
        <ol class="groups">
          {lane.years.map((year, i) => (
            <Group
              key={year.year}
              kind="year"
              label={year.year}
              count={year.points.length}
              // the year the level first took the programme up is where a reader starts
              initiallyOpen={i === 0 && year.points.length <= OPEN_LANE}
            >
              {() =>
                year.regions ? (
                  <ol class="groups">
                    {year.regions.map((r) => (
                      <Group
                        key={r.region}
                        kind="region"
                        label={r.region}
                        count={r.points.length}
                        initiallyOpen={false}
                      >
                        {() => <PointList points={r.points} onPassage={onPassage} />}
                      </Group>
                    ))}
                  </ol>
                ) : (
                  <PointList points={year.points} onPassage={onPassage} />
                )
              }
            </Group>
          ))}
        </ol>
      )}
    </li>
  );
}

/** The term across the library: when the centre named it, when and where provinces and cities took it up. */
export function TermTimeline({ timeline, onPassage }: { timeline: Timeline; onPassage: (id: string) => void }) {
  if (timeline.reports === 0) return null;
  return (
    <section class="timeline" data-testid="timeline">
      <h3>
        {t('timeline_title')}{' '}
        <span class="meta">
          {plural('timeline_reports', timeline.reports)} ·{' '}
          {timeline.first === timeline.last ? timeline.first : `${timeline.first} – ${timeline.last}`}
        </span>
      </h3>
      <div class="axis" aria-hidden="true">
        {timeline.lanes.map((lane) => (
          <div key={lane.level} class="axis-lane" data-level={lane.level}>
            <span class="axis-name">{levelName(lane.level)}</span>
            <span class="axis-track">
              {lane.buckets.map((b) => (
                <span
                  key={b.position}
                  class="dot"
                  data-count={b.count}
                  style={{ left: `${(b.position * 100).toFixed(2)}%` }}
                  title={`${b.first === b.last ? b.first : `${b.first} – ${b.last}`} · ${plural('timeline_reports', b.count)}`}
                >
                  {b.count > 1 ? b.count : ''}
                </span>
              ))}
            </span>
          </div>
        ))}
        <div class="axis-labels">
          <span>{timeline.first}</span>
          <span>{timeline.last}</span>
        </div>
      </div>
      <ol class="lanes">
        {timeline.lanes.map((lane) => (
          <Lane key={lane.level} lane={lane} onPassage={onPassage} />
        ))}
      </ol>
    </section>
  );
}
