import { matchLocale } from '../../../src-main/shared/i18n/locale';
import { Field } from '../../components/Field';
import { LanguageOptions } from '../../components/LanguageOptions';
import { useMessages } from '../../i18n/KeelIntl';
import { summaryLocaleOf } from '../../lib/oneOnOne';
import { useOneOnOne } from '../../stores/oneOnOne';

/**
 * "Language of the summary": the language the summary is written in for its reader, whatever the
 * window's. It starts as the window's language (or the one chosen last, settings.summary), lists
 * each language by its own name, and the preview follows it: what is saved or copied is what the
 * preview shows in that language.
 */
export function SummaryLanguageField() {
  const t = useMessages();
  const locale = useOneOnOne((s) => s.choice.locale ?? null);
  const setLocale = useOneOnOne((s) => s.setLocale);
  const value = matchLocale(summaryLocaleOf({ locale })) ?? 'en-US';
  return (
    <Field label={t('export.builder.language')} hint={t('export.builder.languageHint')}>
      {(control) => (
        <select
          {...control}
          className="input summary-builder__language"
          value={value}
          onChange={(e) => setLocale(e.target.value)}
        >
          <LanguageOptions />
        </select>
      )}
    </Field>
  );
}
