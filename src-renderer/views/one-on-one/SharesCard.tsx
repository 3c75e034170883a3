import type { ShareKind } from '../../../src-main/shared/dto';
import { Card } from '../../components/Card';
import { Loading } from '../../components/Loading';
import { noteCountText, periodText, shareFormatText, shareWhen } from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';
import { RetryNotice } from '../../components/RetryNotice';
import { useWeeklyUpdate } from '../../stores/weeklyUpdate';

/** Until a draft has been read, the update's sections go by these ids. */
const UPDATE_TITLES = { shipped: 'Shipped', next: 'Next', blockers: 'Blockers' };
import './SharesCard.css';

/**
 * The share log: every summary and weekly update saved or copied (here or from the command line), most recent
 * first — when, which period and sections, how many notes, and its summary code (the one the preview showed).
 */
/** What left, before its format: the summary says nothing more. */
const KIND_WORDS: Record<ShareKind, string> = {
  summary: '',
  'weekly-update': 'Weekly update, ',
  agreement: 'Working agreement, ',
  status: 'Status line for chat, ',
};

export function SharesCard() {
  const shares = useOneOnOne((s) => s.shares);
  const error = useOneOnOne((s) => s.sharesError);
  const loadShares = useOneOnOne((s) => s.loadShares);
  const options = useOneOnOne((s) => s.options);
  const titles = new Map(options?.sections.map((s) => [s.id, s.title]) ?? []);
  // The weekly update's sections, in its own words (main sends them with the draft).
  for (const [id, title] of Object.entries(useWeeklyUpdate.getState().draft?.titles ?? UPDATE_TITLES))
    titles.set(id, title);

  return (
    <Card
      title="What you've shared"
      description="Each summary and weekly update you saved or copied. Keel keeps this list on this computer only."
      className="shares"
    >
      {error !== null && <RetryNotice onRetry={() => void loadShares()}>{error}</RetryNotice>}
      {shares === null ? (
        error === null && <Loading label="Reading what you have shared…" />
      ) : shares.length === 0 ? (
        <p className="shares__empty">Nothing shared yet.</p>
      ) : (
        <ol className="shares__list" aria-label="Shared summaries">
          {shares.map((share) => (
            <li key={share.id} className="shares__item">
              <p className="shares__head">
                <span className="shares__when">{shareWhen(share.at)}</span> · {KIND_WORDS[share.kind]}
                {shareFormatText(share.format)}
                {share.via === 'cli' ? ' (command line)' : ''}
              </p>
              <p className="shares__detail">
                {(share.kind === 'summary' || share.kind === 'weekly-update') && (
                  <>
                    {periodText(share)} ·{' '}
                    {share.sections.map((id) => titles.get(id) ?? id).join(', ') || 'no sections'} ·{' '}
                  </>
                )}
                {share.kind === 'summary' && <>{noteCountText(share.noteCount)} · </>}
                <span className="shares__hash">summary code {share.contentHash.slice(0, 8)}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
