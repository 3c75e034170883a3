import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { submitOnModEnter } from '../../lib/keys';
import { useMessages } from '../../i18n/KeelIntl';

export const STEP_COUNT = 3;

/** What each step is given: where it is, and how to move on. */
export interface StepProps {
  /** Saved (or nothing to save): on to the next step, or Today after the last. */
  onNext(): void;
  /** The step left as it was: nothing of it is written. */
  onSkip(): void;
  onBack?: () => void;
}

/**
 * One step of the first run: a form whose heading takes focus when it appears, "Step n of 3",
 * the step's fields, its one error (a sentence, announced), and Back, Skip and Next (Done on the
 * last). Next runs `save`; a refusal keeps the user on the step with main's sentence.
 */
export function StepFrame({
  step,
  title,
  intro,
  children,
  save,
  error,
  atField = false,
  onSkip,
  onBack,
}: {
  step: number;
  title: string;
  intro: ReactNode;
  children: ReactNode;
  /** Writes the step's choices; resolves false when something was refused (the step says why). */
  save: () => Promise<boolean>;
  /** The step's one error, announced; shown here unless `atField` (the field shows and announces it). */
  error: string | null;
  atField?: boolean;
  onSkip(): void;
  onBack?: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const errorId = useId();
  const [saving, setSaving] = useState(false);
  const t = useMessages();
  useEffect(() => heading.current?.focus(), [step]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await save();
    } finally {
      setSaving(false);
    }
  }

  const last = step === STEP_COUNT;
  return (
    // Only the step's button or Ctrl/Cmd+Enter moves on: Enter in a time field stays (lib/keys.ts).
    <form
      className="first-run__step"
      aria-labelledby={headingId}
      onSubmit={submit}
      onKeyDown={submitOnModEnter}
      noValidate
    >
      <p className="first-run__progress">{t('app.welcome.progress', { step, count: STEP_COUNT })}</p>
      <h1 id={headingId} ref={heading} tabIndex={-1} className="first-run__title">
        {title}
      </h1>
      <div className="first-run__intro">{intro}</div>
      <div className="first-run__fields">{children}</div>
      {/* At a field the field shows and announces it (Field's alert); announced once, not twice. */}
      {!atField && (
        <p id={errorId} className="first-run__error" role="alert">
          {error}
        </p>
      )}
      <div className="first-run__actions">
        {onBack && (
          <Button variant="ghost" onClick={onBack} disabled={saving}>
            {t('app.welcome.back')}
          </Button>
        )}
        <span className="first-run__spacer" />
        <Button onClick={onSkip} disabled={saving}>
          {last ? t('app.welcome.skip-finish') : t('app.welcome.skip')}
        </Button>
        <Button type="submit" variant="primary" busy={saving}>
          {last ? t('app.welcome.done') : t('app.welcome.next')}
        </Button>
      </div>
    </form>
  );
}
