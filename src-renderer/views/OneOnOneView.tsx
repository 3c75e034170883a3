import { useEffect } from 'react';
import { ViewHeader } from '../components/ViewHeader';
import { useMessages } from '../i18n/KeelIntl';
import { useAgreement } from '../stores/agreement';
import { useOneOnOne } from '../stores/oneOnOne';
import { AgreementCard } from './one-on-one/AgreementCard';
import { AgreementShareCard } from './one-on-one/AgreementShareCard';
import { PreviewCard } from './one-on-one/PreviewCard';
import { SharesCard } from './one-on-one/SharesCard';
import { SummaryBuilderCard } from './one-on-one/SummaryBuilderCard';
import { TalkingPointsCard } from './one-on-one/TalkingPointsCard';
import { UpdatePreviewCard } from './weekly-update/UpdatePreviewCard';
import { WeeklyUpdateCard } from './weekly-update/WeeklyUpdateCard';
import './OneOnOneView.css';

/**
 * One-on-one: talking points for the next conversation, and a summary the user builds (period,
 * sections, notes ticked one by one), sees exactly as it will leave Keel, and exports or copies.
 * Below it, the weekly update for the team (drafted from the sign-offs, edited here). Every export
 * and copy of either is listed under "What you've shared".
 * Every export and copy is listed under "What you've shared". Below, the working agreement for
 * the team: hours in teammates' zones, focus blocks, response norms, and the status line for chat.
 */
export function OneOnOneView() {
  const t = useMessages();
  const open = useOneOnOne((s) => s.open);
  const openAgreement = useAgreement((s) => s.open);

  // Read fresh whenever the view opens: a share since (here or from the command line) moves
  // "since the last shared summary"; while the view stays open, that period stays put.
  useEffect(() => {
    open();
    void openAgreement();
  }, [open, openAgreement]);

  return (
    <>
      <ViewHeader title={t('oneonone.view.title')} subtitle={t('oneonone.view.subtitle')} />
      <div className="view-stack one-on-one">
        <TalkingPointsCard />
        <SummaryBuilderCard />
        <PreviewCard />
        <WeeklyUpdateCard />
        <UpdatePreviewCard />
        <SharesCard />
        <AgreementCard />
        <AgreementShareCard />
      </div>
    </>
  );
}
