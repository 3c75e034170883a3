import type { ShareKind } from '../../../src-main/shared/dto';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { Card } from '../../components/Card';
import { useMessages } from '../../i18n/KeelIntl';
import { windowFormat } from '../../i18n/window-locale';
import { Loading } from '../../components/Loading';
import { noteCountText, periodText, shareFormatText, shareWhen } from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';
import { RetryNotice } from '../../components/RetryNotice';

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

/** The sections a share can list (the summary's and the weekly update's), by their catalog names. */
const SECTION_NAMES: Readonly<Record<string, MessageId>> = {
  trends: 'export.summary.section.trends',
  sustainability: 'export.summary.section.sustainability',
  stretched: 'export.summary.section.stretched',
  focus: 'export.summary.section.focus',
  endOfDay: 'export.summary.section.endOfDay',
  talkingPoints: 'export.summary.section.talkingPoints',
  notes: 'export.summary.section.notes',
  shipped: 'export.update.section.shipped',
  next: 'export.update.section.next',
  blockers: 'export.update.section.blockers',
};

/** Section titles as a list in the window's language ("Shipped, Next, Blockers"). */
function sectionList(titles: string[]): string {
  return new Intl.ListFormat(windowFormat().locale, { type: 'unit', style: 'short' }).format(titles);
}

export function SharesCard() {
  const t = useMessages();
  const whatLeft = useWhatLeft();
  const shares = useOneOnOne((s) => s.shares);
  const error = useOneOnOne((s) => s.sharesError);
  const loadShares = useOneOnOne((s) => s.loadShares);
  const sectionName = (id: string) => {
    const name = Object.hasOwn(SECTION_NAMES, id) ? SECTION_NAMES[id] : undefined;
    return name === undefined ? id : t(name);
  };

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
                      ? sectionList(share.sections.map(sectionName))
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
