import { useMessages } from '../i18n/KeelIntl';
import './Loading.css';

/** A polite "loading" line; the spinner is decorative and stops for reduced motion. */
export function Loading({ label }: { label?: string }) {
  const t = useMessages();
  return (
    <div className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t('app.common.loading')}</span>
    </div>
  );
}
