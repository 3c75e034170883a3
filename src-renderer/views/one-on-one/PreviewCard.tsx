import { useEffect, useMemo } from 'react';
import type { SummaryPreviewFormat } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { validChoicesOf } from '../../lib/oneOnOne';
import { useOneOnOne, type ShareTarget } from '../../stores/oneOnOne';
import './PreviewCard.css';

/** How long choices must stay still before the preview is read again. */
export const PREVIEW_DEBOUNCE_MS = 250;

const FORMATS: { value: SummaryPreviewFormat; label: string }[] = [
  { value: 'md', label: 'Markdown' },
  { value: 'text', label: 'Text for chat' },
  { value: 'html', label: 'HTML' },
];

const SAVES: { target: ShareTarget; label: string }[] = [
  { target: 'md', label: 'Save as Markdown…' },
  { target: 'html', label: 'Save as HTML…' },
  { target: 'pdf', label: 'Save as PDF…' },
];

/** Copies: Markdown; plain text for Slack and Teams; the HTML with its text for Docs and Confluence. */
const COPIES: { target: ShareTarget; label: string; hint: string }[] = [
  { target: 'copy-md', label: 'Copy Markdown', hint: 'as in the Markdown preview' },
  { target: 'copy-text', label: 'Copy for chat', hint: 'as in the Text for chat preview' },
  {
    target: 'copy-rich',
    label: 'Copy as rich text',
    hint: 'the HTML preview, with the Text for chat preview for plain fields',
  },
];

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
      title="Preview"
      description="This is exactly what will leave Keel. Nothing else is sent, and nothing leaves until you save or copy it."
      className="summary-preview"
      actions={
        preview !== null && current ? (
          <span
            className="summary-preview__hash"
            title="The same code is listed under “What you've shared” once you save or copy this summary."
          >
            Summary code {preview.contentHash.slice(0, 8)}
          </span>
        ) : undefined
      }
    >
      <ChoiceGroup label="Format" layout="row" options={FORMATS} value={format} onChange={setFormat} />
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
          <p className="summary-preview__empty">Choose a period to see the summary.</p>
        ) : preview === null || preview.format !== format ? (
          <Loading label="Preparing the preview…" />
        ) : preview.format === 'md' ? (
          <pre className="summary-preview__text" tabIndex={0} aria-label="Summary as Markdown">
            {preview.text}
          </pre>
        ) : preview.format === 'text' ? (
          <pre className="summary-preview__text" tabIndex={0} aria-label="Summary as text for chat">
            {preview.text}
          </pre>
        ) : (
          <HtmlPreview html={preview.text} />
        )}
      </div>
      <ExportButtons ready={ready} sharing={sharing} onShare={(f) => void share(f)} />
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
    </Card>
  );
}

/** HTML in a sandboxed frame (no scripts, no same origin), with its source a click away. */
function HtmlPreview({ html }: { html: string }) {
  return (
    <>
      <iframe
        className="summary-preview__frame"
        sandbox=""
        srcDoc={html}
        title="Summary as HTML"
        referrerPolicy="no-referrer"
      />
      <details className="summary-preview__source">
        <summary>Show the HTML source</summary>
        <pre className="summary-preview__text" tabIndex={0} aria-label="Summary as HTML source">
          {html}
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
  return (
    <>
      <div className="summary-preview__actions" role="group" aria-label="Save">
        {SAVES.map(({ target, label }) => (
          <Button
            key={target}
            variant={target === 'md' ? 'primary' : 'secondary'}
            busy={sharing === target}
            disabled={!ready || (sharing !== null && sharing !== target)}
            onClick={() => onShare(target)}
          >
            {label}
          </Button>
        ))}
      </div>
      <div className="summary-preview__actions" role="group" aria-label="Copy">
        {COPIES.map(({ target, label, hint }) => (
          <Button
            key={target}
            variant="secondary"
            title={`Copies ${hint}`}
            busy={sharing === target}
            disabled={!ready || (sharing !== null && sharing !== target)}
            onClick={() => onShare(target)}
          >
            {label}
          </Button>
        ))}
      </div>
    </>
  );
}
