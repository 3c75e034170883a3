import type { AgreementFormat } from '../../api/types';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useAgreement } from '../../stores/agreement';

const FORMATS: { value: AgreementFormat; label: string }[] = [
  { value: 'text', label: 'Text for chat' },
  { value: 'md', label: 'Markdown' },
  { value: 'ics', label: 'Calendar (.ics)' },
];

const SAVE_LABELS: Record<AgreementFormat, string> = {
  text: 'Save as text…',
  md: 'Save as Markdown…',
  ics: 'Save calendar…',
};

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

  return (
    <Card
      title="Share your agreement"
      description="This is exactly what will leave Keel when you copy or save it. The calendar holds your working hours (free) and focus blocks (busy)."
      className="summary-preview agreement-share"
      actions={
        current ? (
          <span className="summary-preview__hash">Code {preview.contentHash.slice(0, 8)}</span>
        ) : undefined
      }
    >
      <ChoiceGroup label="Format" layout="row" options={FORMATS} value={format} onChange={setFormat} />
      <div className="summary-preview__pane" aria-busy={loading || !current || undefined}>
        {error !== null ? (
          <Notice tone="error">{error}</Notice>
        ) : !current ? (
          <Loading label="Preparing the preview…" />
        ) : (
          <pre className="summary-preview__text" tabIndex={0} aria-label={`Agreement as ${format}`}>
            {preview.text}
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
            {format === 'text' ? 'Copy agreement for chat' : 'Copy agreement as Markdown'}
          </Button>
        )}
        <Button
          variant={format === 'ics' ? 'primary' : 'secondary'}
          busy={sharing === 'save'}
          disabled={!ready || sharing !== null}
          onClick={() => void share('save')}
        >
          {SAVE_LABELS[format]}
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
  return (
    <section className="agreement-share__status-block" aria-label="Status for chat">
      <div className="agreement-share__status">
        <span className="agreement-share__label">Status for chat:</span>
        {status === null ? (
          <Loading label="Reading your status…" />
        ) : (
          <output className="agreement-share__line">{status.text}</output>
        )}
        <Button disabled={status === null} onClick={() => void copyStatus()}>
          Copy status for chat
        </Button>
      </div>
      {outcome !== null && <Notice tone={outcome.tone}>{outcome.message}</Notice>}
    </section>
  );
}
