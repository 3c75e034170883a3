import type { ShareKind } from '../../../src-main/shared/dto';
import { Card } from '../../components/Card';
import { useMessages } from '../../i18n/KeelIntl';
import { windowFormat } from '../../i18n/window-locale';
import { Loading } from '../../components/Loading';
import { noteCountText, periodText, shareFormatText, shareWhen } from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';
import { RetryNotice } from '../../components/RetryNotice';
import { useWeeklyUpdate } from '../../stores/weeklyUpdate';

import './SharesCard.css';

/**
 * The share log: every summary and weekly update saved or copied (here or from the command line), most recent
 * first — when, which period and sections, how many notes, and its summary code (the one the preview showed).
 */
/** "Markdown file", "Weekly update, Plain text (command line)": what left, in which format, how. */
function useWhatLeft(): (kind: ShareKind, format: string, cli: boolean) => string {
  const t = useMessages();
  return (kind, format, cli) => {
    const what = t('oneonone.shares.what', { kind: kind === 'weekly-update' ? 'update' : kind, format });
    return cli ? t('oneonone.shares.viaCli', { what }) : what;
  };
}

/** Section titles as a list in the window's language ("Shipped, Next, Blockers"). */
function sectionList(titles: string[]): string {
  return new Intl.ListFormat(windowFormat().locale, { type: 'unit', style: 'short' }).format(titles);
}

export function SharesCard() {
  const t = useMessages();
  const whatLeft = useWhatLeft();
  /** Until a draft has been read, the update's sections go by these ids. */
  const updateTitles = {
    shipped: t('export.update.section.shipped'),
    next: t('export.update.section.next'),
    blockers: t('export.update.section.blockers'),
  };
  const shares = useOneOnOne((s) => s.shares);
  const error = useOneOnOne((s) => s.sharesError);
  const loadShares = useOneOnOne((s) => s.loadShares);
  const options = useOneOnOne((s) => s.options);
  const titles = new Map(options?.sections.map((s) => [s.id, s.title]) ?? []);
  // The weekly update's sections, in its own words (main sends them with the draft).
  for (const [id, title] of Object.entries(useWeeklyUpdate.getState().draft?.titles ?? updateTitles))
    titles.set(id, title);

  return (
    <Card
      title={t('oneonone.shares.title')}
      description={t('oneonone.shares.description')}
      className="shares"
    >
      {error !== null && <RetryNotice onRetry={() => void loadShares()}>{error}</RetryNotice>}
      {shares === null ? (
        error === null && <Loading label={t('oneonone.shares.loading')} />
      ) : shares.length === 0 ? (
        <p className="shares__empty">{t('oneonone.shares.empty')}</p>
      ) : (
        <ol className="shares__list" aria-label={t('oneonone.shares.list')}>
          {shares.map((share) => (
            <li key={share.id} className="shares__item">
              <p className="shares__head">
                <span className="shares__when">{shareWhen(share.at)}</span> ·{' '}
                {whatLeft(share.kind, shareFormatText(share.format), share.via === 'cli')}
              </p>
              <p className="shares__detail">
                {(share.kind === 'summary' || share.kind === 'weekly-update') && (
                  <>
                    {periodText(share)} ·{' '}
                    {share.sections.length > 0
                      ? sectionList(share.sections.map((id) => titles.get(id) ?? id))
                      : t('oneonone.shares.noSections')}{' '}
                    ·{' '}
                  </>
                )}
                {share.kind === 'summary' && <>{noteCountText(share.noteCount)} · </>}
                <span className="shares__hash">
                  {t('oneonone.shares.code', { code: share.contentHash.slice(0, 8) })}
                </span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
