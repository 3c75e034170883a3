import { useEffect } from 'react';
import type { UpdateFormat } from '../../api/update';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { isKept, previewKey, useWeeklyUpdate, type UpdateShareTarget } from '../../stores/weeklyUpdate';
import { PREVIEW_DEBOUNCE_MS } from '../one-on-one/PreviewCard';
import '../one-on-one/PreviewCard.css';

const FORMATS: { value: UpdateFormat; label: string }[] = [
  { value: 'md', label: 'Markdown' },
  { value: 'text', label: 'Plain text' },
  { value: 'html', label: 'HTML' },
];

const SHARES: { target: UpdateShareTarget; label: string }[] = [
  // Named apart from the summary's buttons on the same page.
  { target: 'copy-text', label: 'Copy update for chat' },
  { target: 'copy-md', label: 'Copy update as Markdown' },
  { target: 'md', label: 'Save update as Markdown…' },
  { target: 'text', label: 'Save update as text…' },
  { target: 'html', label: 'Save update as HTML…' },
];

const LABELS: Record<UpdateFormat, string> = {
  md: 'Weekly update as Markdown',
  text: 'Weekly update as plain text',
  html: 'Weekly update as HTML source',
};

/**
 * The weekly update exactly as it leaves: main renders it with the function a save or copy writes.
 * Saving and copying are offered only once every edit is kept and the preview on screen is of them.
 */
export function UpdatePreviewCard() {
  const format = useWeeklyUpdate((s) => s.format);
  const setFormat = useWeeklyUpdate((s) => s.setFormat);
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

  return (
    <Card
      title="Update preview"
      description="This is exactly what will leave Keel, in the format shown. Nothing leaves until you copy or save it."
      className="summary-preview update-preview"
      actions={
        current ? (
          <span
            className="summary-preview__hash"
            title="The same code is listed under “What you've shared” once you save or copy this update."
          >
            Update code {preview.contentHash.slice(0, 8)}
          </span>
        ) : undefined
      }
    >
      <ChoiceGroup label="Format" layout="row" options={FORMATS} value={format} onChange={setFormat} />
      <div className="summary-preview__pane" aria-busy={loading || (error === null && !current) || undefined}>
        {error !== null ? (
          <Notice tone="error">{error}</Notice>
        ) : preview === null || preview.format !== format ? (
          <Loading label="Preparing the preview…" />
        ) : preview.format === 'html' ? (
          <iframe
            className="summary-preview__frame"
            sandbox=""
            srcDoc={preview.text}
            title="Weekly update as HTML"
            referrerPolicy="no-referrer"
          />
        ) : (
          <pre className="summary-preview__text" tabIndex={0} aria-label={LABELS[preview.format]}>
            {preview.text}
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
            {label}
          </Button>
        ))}
      </div>
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
    </Card>
  );
}
