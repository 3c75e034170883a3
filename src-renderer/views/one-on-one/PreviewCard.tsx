import { useEffect, useMemo } from 'react';
import type { SummaryPreviewFormat } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useMessages } from '../../i18n/KeelIntl';
import { validChoicesOf } from '../../lib/oneOnOne';
import { useOneOnOne, type ShareTarget } from '../../stores/oneOnOne';
import './PreviewCard.css';

/** How long choices must stay still before the preview is read again. */
export const PREVIEW_DEBOUNCE_MS = 250;

const FORMATS: readonly SummaryPreviewFormat[] = ['md', 'text', 'html'];

const SAVES = [
  { target: 'md', kind: 'md' },
  { target: 'html', kind: 'html' },
  { target: 'pdf', kind: 'pdf' },
] as const satisfies readonly { target: ShareTarget; kind: string }[];

/** Copies: Markdown; plain text for Slack and Teams; the HTML with its text for Docs and Confluence. */
const COPIES = [
  { target: 'copy-md', kind: 'md' },
  { target: 'copy-text', kind: 'text' },
  { target: 'copy-rich', kind: 'rich' },
] as const satisfies readonly { target: ShareTarget; kind: string }[];

/**
 * The preview is what leaves: main renders it with the same function an export writes, and it is
 * shown as-is — Markdown as raw text, HTML in a sandboxed frame (no scripts, no same origin).
 * Saving and copying are offered only once the preview on screen matches the current choices.
 */
export function PreviewCard() {
  const options = useOneOnOne((s) => s.options);
  const choice = useOneOnOne((s) => s.choice);
  const format = useOneOnOne((s) => s.format);
  const revision = useOneOnOne((s) => s.revision);
  const preview = useOneOnOne((s) => s.preview);
  const previewFor = useOneOnOne((s) => s.previewFor);
  const previewLoading = useOneOnOne((s) => s.previewLoading);
  const previewError = useOneOnOne((s) => s.previewError);
  const setFormat = useOneOnOne((s) => s.setFormat);
  const loadPreview = useOneOnOne((s) => s.loadPreview);
  const sharing = useOneOnOne((s) => s.sharing);
  const outcome = useOneOnOne((s) => s.outcome);
  const share = useOneOnOne((s) => s.share);
  const t = useMessages();
  const formats = FORMATS.map((value) => ({ value, label: t(`oneonone.preview.format.${value}`) }));

  const choices = useMemo(() => validChoicesOf(options, choice), [options, choice]);
  const key = choices === null ? null : JSON.stringify(choices);

  useEffect(() => {
    if (key === null) return;
    const timer = setTimeout(() => void loadPreview(), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, format, revision, loadPreview]);

  const current = preview !== null && previewFor === key && preview.format === format;
  const ready = current && !previewLoading && previewError === null;

  return (
    <Card
      title={t('oneonone.preview.title')}
      description={t('oneonone.preview.description')}
      className="summary-preview"
      actions={
        preview !== null && current ? (
          <span className="summary-preview__hash" title={t('oneonone.preview.codeTitle')}>
            {t('oneonone.preview.code', { code: preview.contentHash.slice(0, 8) })}
          </span>
        ) : undefined
      }
    >
      <ChoiceGroup
        label={t('oneonone.preview.format')}
        layout="row"
        options={formats}
        value={format}
        onChange={setFormat}
      />
      <div
        className="summary-preview__pane"
        // Busy while a preview is on its way, including the moment before its request starts.
        aria-busy={
          previewLoading ||
          (previewError === null && key !== null && (preview === null || preview.format !== format)) ||
          undefined
        }
      >
        {previewError !== null ? (
          <Notice tone="error">{previewError}</Notice>
        ) : key === null ? (
          <p className="summary-preview__empty">{t('oneonone.preview.empty')}</p>
        ) : preview === null || preview.format !== format ? (
          <Loading label={t('oneonone.preview.loading')} />
        ) : preview.format === 'md' ? (
          // The summary is in its own language (chosen apart from the window's): marked so, for a
          // screen reader's voice and for the untranslated-text checks (#20).
          <pre className="summary-preview__text" tabIndex={0} aria-label={t('oneonone.preview.mdLabel')}>
            <span lang={preview.model.locale}>{preview.text}</span>
          </pre>
        ) : preview.format === 'text' ? (
          <pre className="summary-preview__text" tabIndex={0} aria-label={t('oneonone.preview.textLabel')}>
            <span lang={preview.model.locale}>{preview.text}</span>
          </pre>
        ) : (
          <HtmlPreview html={preview.text} lang={preview.model.locale} />
        )}
      </div>
      <ExportButtons ready={ready} sharing={sharing} onShare={(f) => void share(f)} />
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
    </Card>
  );
}

/** HTML in a sandboxed frame (no scripts, no same origin), with its source a click away. */
function HtmlPreview({ html, lang }: { html: string; lang: string }) {
  const t = useMessages();
  return (
    <>
      <iframe
        className="summary-preview__frame"
        sandbox=""
        srcDoc={html}
        title={t('oneonone.preview.htmlTitle')}
        referrerPolicy="no-referrer"
      />
      <details className="summary-preview__source">
        <summary>{t('oneonone.preview.showSource')}</summary>
        <pre className="summary-preview__text" tabIndex={0} aria-label={t('oneonone.preview.sourceLabel')}>
          <span lang={lang}>{html}</span>
        </pre>
      </details>
    </>
  );
}

function ExportButtons({
  ready,
  sharing,
  onShare,
}: {
  ready: boolean;
  sharing: ShareTarget | null;
  onShare: (target: ShareTarget) => void;
}) {
  const t = useMessages();
  return (
    <>
      <div className="summary-preview__actions" role="group" aria-label={t('oneonone.preview.saveGroup')}>
        {SAVES.map(({ target, kind }) => (
          <Button
            key={target}
            variant={target === 'md' ? 'primary' : 'secondary'}
            busy={sharing === target}
            disabled={!ready || (sharing !== null && sharing !== target)}
            onClick={() => onShare(target)}
          >
            {t(`oneonone.preview.save.${kind}`)}
          </Button>
        ))}
      </div>
      <div className="summary-preview__actions" role="group" aria-label={t('oneonone.preview.copyGroup')}>
        {COPIES.map(({ target, kind }) => (
          <Button
            key={target}
            variant="secondary"
            title={t(`oneonone.preview.copyHint.${kind}`)}
            busy={sharing === target}
            disabled={!ready || (sharing !== null && sharing !== target)}
            onClick={() => onShare(target)}
          >
            {t(`oneonone.preview.copy.${kind}`)}
          </Button>
        ))}
      </div>
    </>
  );
}
