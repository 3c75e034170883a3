import { useId } from 'react';
import {
  QUESTIONNAIRE_DISCLAIMER,
  QUESTIONNAIRE_KINDS,
  QUESTIONNAIRE_TITLES,
} from '../../../src-main/shared/vocabulary';
import type { QuestionnaireKind, Settings } from '../../api/types';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { questionnaireEvery } from '../../lib/checkin';
import { useCheckin } from '../../stores/checkin';
import { useInstantSetting } from './useSettingsForm';

/** The optional questionnaires: saved as soon as a switch moves. */
export function QuestionnaireSwitches({ settings }: { settings: Settings }) {
  const questionnaires = useCheckin((s) => s.form?.questionnaires ?? null);
  const { pending, error, apply } = useInstantSetting<QuestionnaireKind, boolean>();
  const titleId = useId();
  const baseId = useId();

  return (
    <section className="checkin-settings__section" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId} className="checkin-settings__legend">
          Questionnaires
        </h3>
        <p className="checkin-settings__hint">
          Two short, validated questionnaires beside the quick check; off until you turn them on. Your answers
          stay on this computer.
        </p>
      </div>
      {QUESTIONNAIRE_KINDS.map((kind) => {
        const info = questionnaires?.find((q) => q.kind === kind);
        const descriptionId = `${baseId}-${kind}`;
        return (
          <div key={kind} className="questionnaire-setting">
            <Switch
              label={info?.title ?? QUESTIONNAIRE_TITLES[kind]}
              checked={pending[kind] ?? settings.checkins[kind]}
              disabled={pending[kind] !== undefined}
              aria-describedby={descriptionId}
              onChange={(e) => {
                const on = e.target.checked;
                void apply(kind, on, { key: 'checkins', value: { ...settings.checkins, [kind]: on } });
              }}
            />
            <div id={descriptionId} className="questionnaire-setting__about">
              <p>
                {questionnaireEvery(kind)} <em>{info?.disclaimer ?? QUESTIONNAIRE_DISCLAIMER}</em>
              </p>
              {info && <p className="questionnaire-setting__source">Source: {info.source}</p>}
            </div>
          </div>
        );
      })}
      {error !== null && <Notice tone="error">{error}</Notice>}
    </section>
  );
}
