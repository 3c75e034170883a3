import type { Status } from '../api/types';
import { Card } from '../components/Card';
import { Loading } from '../components/Loading';
import { ViewHeader } from '../components/ViewHeader';
import { useSettings } from '../stores/settings';
import { useStatus } from '../stores/status';
import { AppearanceCard } from './settings/AppearanceCard';
import { LanguageCard } from './settings/LanguageCard';
import { CheckinSettingsCard } from './settings/CheckinSettingsCard';
import { DataCard } from './settings/DataCard';
import { FocusSettingsCard } from './settings/FocusSettingsCard';
import { HolidaysCard } from './settings/HolidaysCard';
import { IdleTrustNotice } from './settings/IdleTrustNotice';
import { NotificationsCard } from './settings/NotificationsCard';
import { SignoffSettingsCard } from './settings/SignoffSettingsCard';
import { StartupCard } from './settings/StartupCard';
import { ThisComputerCard } from './settings/ThisComputerCard';
import { UpcomingChangesCard } from './settings/UpcomingChangesCard';
import { ZoneHoursForm } from './settings/ZoneHoursForm';
import { RetryNotice } from '../components/RetryNotice';
import { WelcomeAgainCard } from '../app/welcome/WelcomeAgainCard';
import { LeaveGuard, SaveBar } from './settings/SaveBar';
import { useMessages } from '../i18n/KeelIntl';
import './SettingsView.css';

export function SettingsView() {
  const settings = useSettings((s) => s.settings);
  const loading = useSettings((s) => s.loading);
  const loadError = useSettings((s) => s.loadError);
  const load = useSettings((s) => s.load);
  const status = useStatus((s) => s.status);
  const t = useMessages();

  let body;
  if (settings) {
    body = (
      <>
        <AppearanceCard theme={settings.theme} />
        <LanguageCard language={settings.language} />
        <UpcomingChangesCard />
        <ZoneHoursForm settings={settings} />
        <HolidaysCard holidays={settings.holidays} />
        <SignoffSettingsCard signoff={settings.signoff} />
        <FocusSettingsCard settings={settings} />
        <CheckinSettingsCard settings={settings} />
        <StartupCard autostart={settings.autostart} />
        <NotificationsCard hideWords={settings.hideWordsInNotifications} />
        <DataCard />
        <ThisComputerCard />
        <WelcomeAgainCard />
        {status && <AboutCard status={status} />}
        <SaveBar />
        <LeaveGuard />
      </>
    );
  } else if (loadError !== null) {
    body = (
      <RetryNotice busy={loading} onRetry={() => void load()}>
        {loadError}
      </RetryNotice>
    );
  } else {
    body = <Loading label={t('settings.view.loading')} />;
  }

  return (
    <>
      <ViewHeader title={t('settings.view.title')} subtitle={t('settings.view.subtitle')} />
      <div className="view-stack">
        <IdleTrustNotice />
        {body}
      </div>
    </>
  );
}

/* ---------- About ---------- */

function AboutCard({ status }: { status: Status }) {
  const t = useMessages();
  return (
    <Card title={t('settings.about.title')}>
      <dl className="about">
        <div className="about__row">
          <dt>{t('settings.about.version')}</dt>
          <dd className="tabular">{status.app.version}</dd>
        </div>
        <div className="about__row">
          <dt>{t('settings.about.data')}</dt>
          <dd>
            <code className="about__path">{status.dataDir}</code>
          </dd>
        </div>
      </dl>
    </Card>
  );
}
