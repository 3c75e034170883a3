import { useId } from 'react';
import { QUESTIONNAIRE_KINDS } from '../../../src-main/shared/vocabulary';
import type { MessageId } from '../../../src-main/shared/i18n/catalog';
import { useMessages } from '../../i18n/KeelIntl';
import type { QuestionnaireKind, Settings } from '../../api/types';
import { Notice } from '../../components/Notice';
import { Switch } from '../../components/Switch';
import { questionnaireEvery } from '../../lib/checkin';
import { useCheckin } from '../../stores/checkin';
import { useInstantSetting } from './useSettingsForm';

/** Each questionnaire's title and source from the catalogs (main sends them in English). */
const WORDS: Record<QuestionnaireKind, { title: MessageId; source: MessageId }> = {
  who5: { title: 'who5.title', source: 'who5.source' },
  burnout: { title: 'checkin.burnout.title', source: 'checkin.burnout.source' },
};

/** The optional questionnaires: saved as soon as a switch moves. */
export function QuestionnaireSwitches({ settings }: { settings: Settings }) {
  const questionnaires = useCheckin((s) => s.form?.questionnaires ?? null);
  const { pending, error, apply } = useInstantSetting<QuestionnaireKind, boolean>();
  const titleId = useId();
  const baseId = useId();
  const t = useMessages();

  return (
    <section className="checkin-settings__section" aria-labelledby={titleId}>
      <div>
        <h3 id={titleId} className="checkin-settings__legend">
          {t('settings.questionnaires.title')}
        </h3>
        <p className="checkin-settings__hint">{t('settings.questionnaires.hint')}</p>
      </div>
      {QUESTIONNAIRE_KINDS.map((kind) => {
        const info = questionnaires?.find((q) => q.kind === kind);
        const descriptionId = `${baseId}-${kind}`;
        return (
          <div key={kind} className="questionnaire-setting">
            <Switch
              label={t(WORDS[kind].title)}
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
                {questionnaireEvery(kind)} <em>{t('checkin.questionnaire.disclaimer')}</em>
              </p>
              {info && (
                <p className="questionnaire-setting__source">
                  {t('checkin.questionnaire.sourceLabel')} {t(WORDS[kind].source)}
                </p>
              )}
            </div>
          </div>
        );
      })}
      {error !== null && <Notice tone="error">{error}</Notice>}
    </section>
  );
}
