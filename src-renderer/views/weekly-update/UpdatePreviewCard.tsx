import { useEffect } from 'react';
import { updateLocale, type UpdateFormat } from '../../api/update';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { isKept, previewKey, useWeeklyUpdate, type UpdateShareTarget } from '../../stores/weeklyUpdate';
import { PREVIEW_DEBOUNCE_MS } from '../one-on-one/PreviewCard';
import '../one-on-one/PreviewCard.css';

const FORMATS: readonly UpdateFormat[] = ['md', 'text', 'html'];

const SHARES = [
  // Named apart from the summary's buttons on the same page.
  { target: 'copy-text', label: 'copyText' },
  { target: 'copy-md', label: 'copyMd' },
  { target: 'md', label: 'saveMd' },
  { target: 'text', label: 'saveText' },
  { target: 'html', label: 'saveHtml' },
] as const satisfies readonly { target: UpdateShareTarget; label: string }[];

/**
 * The weekly update exactly as it leaves: main renders it with the function a save or copy writes.
 * Saving and copying are offered only once every edit is kept and the preview on screen is of them.
 */
export function UpdatePreviewCard() {
  const format = useWeeklyUpdate((s) => s.format);
  const preview = useWeeklyUpdate((s) => s.preview);
  const previewFor = useWeeklyUpdate((s) => s.previewFor);
  const loading = useWeeklyUpdate((s) => s.previewLoading);
  const error = useWeeklyUpdate((s) => s.previewError);
  const loadPreview = useWeeklyUpdate((s) => s.loadPreview);
  const key = useWeeklyUpdate(previewKey);
  const kept = useWeeklyUpdate(isKept);
  const sharing = useWeeklyUpdate((s) => s.sharing);
  const outcome = useWeeklyUpdate((s) => s.outcome);
  const share = useWeeklyUpdate((s) => s.share);

  useEffect(() => {
    if (key === null) return;
    const timer = setTimeout(() => void loadPreview(), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, format, loadPreview]);

  const current = preview !== null && previewFor === key && preview.format === format;
  const ready = current && kept && !loading && error === null;
  const t = useMessages();

  return (
    <Card
      title={t('oneonone.updatePreview.title')}
      description={t('oneonone.updatePreview.description')}
      className="summary-preview update-preview"
      actions={
        current ? (
          <span className="summary-preview__hash" title={t('oneonone.updatePreview.codeTitle')}>
            {t('oneonone.updatePreview.code', { code: preview.contentHash.slice(0, 8) })}
          </span>
        ) : undefined
      }
    >
      <FormatChoice />
      <div className="summary-preview__pane" aria-busy={loading || (error === null && !current) || undefined}>
        {error !== null ? (
          <Notice tone="error">{error}</Notice>
        ) : preview === null || preview.format !== format ? (
          <Loading label={t('oneonone.updatePreview.loading')} />
        ) : preview.format === 'html' ? (
          <iframe
            className="summary-preview__frame"
            sandbox=""
            srcDoc={preview.text}
            title={t('oneonone.updatePreview.htmlTitle')}
            referrerPolicy="no-referrer"
          />
        ) : (
          <pre
            className="summary-preview__text"
            tabIndex={0}
            aria-label={t(`oneonone.updatePreview.label.${preview.format}`)}
          >
            {/* In the update's language, which is not always the window's (the pseudo-locale's). */}
            <span lang={updateLocale()}>{preview.text}</span>
          </pre>
        )}
      </div>
      <div className="summary-preview__actions">
        {SHARES.map(({ target, label }) => (
          <Button
            key={target}
            variant={target === 'copy-text' ? 'primary' : 'secondary'}
            busy={sharing === target}
            disabled={!ready || (sharing !== null && sharing !== target)}
            onClick={() => void share(target)}
          >
            {t(`oneonone.updatePreview.${label}`)}
          </Button>
        ))}
      </div>
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
    </Card>
  );
}

/** Markdown, plain text or HTML: the preview's format (and what Save and Copy write). */
function FormatChoice() {
  const format = useWeeklyUpdate((s) => s.format);
  const setFormat = useWeeklyUpdate((s) => s.setFormat);
  const t = useMessages();
  const formats = FORMATS.map((value) => ({ value, label: t(`oneonone.updatePreview.format.${value}`) }));
  return (
    <ChoiceGroup
      label={t('oneonone.updatePreview.format')}
      layout="row"
      options={formats}
      value={format}
      onChange={setFormat}
    />
  );
}
