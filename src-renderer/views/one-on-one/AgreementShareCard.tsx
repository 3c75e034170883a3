import type { AgreementFormat } from '../../api/types';
import { writtenLocale } from '../../api/keel';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { useAgreement } from '../../stores/agreement';

const FORMATS: readonly AgreementFormat[] = ['text', 'md', 'ics'];

/**
 * The agreement exactly as it leaves (main renders the preview with the function a save or copy
 * writes; a stale one is refused there), and the one-line status for chat.
 */
export function AgreementShareCard() {
  const format = useAgreement((s) => s.format);
  const preview = useAgreement((s) => s.preview);
  const loading = useAgreement((s) => s.previewLoading);
  const error = useAgreement((s) => s.previewError);
  const setFormat = useAgreement((s) => s.setFormat);
  const sharing = useAgreement((s) => s.sharing);
  const outcome = useAgreement((s) => s.outcome);
  const share = useAgreement((s) => s.share);
  const current = preview !== null && preview.format === format;
  const ready = current && !loading && error === null;
  const t = useMessages();
  const formats = FORMATS.map((value) => ({ value, label: t(`oneonone.agreementShare.format.${value}`) }));

  return (
    <Card
      title={t('oneonone.agreementShare.title')}
      description={t('oneonone.agreementShare.description')}
      className="summary-preview agreement-share"
      actions={
        current ? (
          <span className="summary-preview__hash">
            {t('oneonone.agreementShare.code', { code: preview.contentHash.slice(0, 8) })}
          </span>
        ) : undefined
      }
    >
      <ChoiceGroup
        label={t('oneonone.agreementShare.format')}
        layout="row"
        options={formats}
        value={format}
        onChange={setFormat}
      />
      <div className="summary-preview__pane" aria-busy={loading || !current || undefined}>
        {error !== null ? (
          <Notice tone="error">{error}</Notice>
        ) : !current ? (
          <Loading label={t('oneonone.agreementShare.loading')} />
        ) : (
          <pre
            className="summary-preview__text"
            tabIndex={0}
            aria-label={t('oneonone.agreementShare.previewLabel', { format })}
          >
            {/* The agreement is written in its own language (writtenLocale), marked so. */}
            <span lang={writtenLocale()}>{preview.text}</span>
          </pre>
        )}
      </div>
      <div className="agreement-share__actions summary-preview__actions">
        {format !== 'ics' && (
          <Button
            variant="primary"
            busy={sharing === 'copy'}
            disabled={!ready || sharing !== null}
            onClick={() => void share('copy')}
          >
            {format === 'text' ? t('oneonone.agreementShare.copyText') : t('oneonone.agreementShare.copyMd')}
          </Button>
        )}
        <Button
          variant={format === 'ics' ? 'primary' : 'secondary'}
          busy={sharing === 'save'}
          disabled={!ready || sharing !== null}
          onClick={() => void share('save')}
        >
          {t(`oneonone.agreementShare.save.${format}`)}
        </Button>
      </div>
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
      <StatusLine />
    </Card>
  );
}

function StatusLine() {
  const status = useAgreement((s) => s.status);
  const outcome = useAgreement((s) => s.statusOutcome);
  const copyStatus = useAgreement((s) => s.copyStatus);
  const t = useMessages();
  return (
    <section className="agreement-share__status-block" aria-label={t('oneonone.agreementShare.status')}>
      <div className="agreement-share__status">
        <span className="agreement-share__label">{t('oneonone.agreementShare.statusLabel')}</span>
        {status === null ? (
          <Loading label={t('oneonone.agreementShare.statusLoading')} />
        ) : (
          <output className="agreement-share__line" lang={writtenLocale()}>
            {status.text}
          </output>
        )}
        <Button disabled={status === null} onClick={() => void copyStatus()}>
          {t('oneonone.agreementShare.copyStatus')}
        </Button>
      </div>
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
    </section>
  );
}
