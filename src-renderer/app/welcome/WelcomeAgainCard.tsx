import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { useWelcome } from '../../stores/welcome';
import { useMessages } from '../../i18n/KeelIntl';

/** Settings: the first run's three steps again (each still skippable; nothing saved until Next). */
export function WelcomeAgainCard() {
  const start = useWelcome((s) => s.start);
  const t = useMessages();
  return (
    <Card title={t('app.welcome.again.title')} description={t('app.welcome.again.description')}>
      <Button onClick={start}>{t('app.welcome.again.open')}</Button>
    </Card>
  );
}
