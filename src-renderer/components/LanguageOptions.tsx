import { useMemo } from 'react';
import { languageChoices } from '../../src-main/shared/i18n/language-names';

/**
 * The languages Keel speaks, as a select's options: each by its own name ("Deutsch") and marked
 * as that language, so a person who cannot read the current language still finds theirs and a
 * screen reader says each name in its own voice. Settings' language and the summary's use it.
 */
export function LanguageOptions() {
  const choices = useMemo(() => languageChoices(), []);
  return choices.map((choice) => (
    <option key={choice.locale} value={choice.locale} lang={choice.locale}>
      {choice.name}
    </option>
  ));
}
