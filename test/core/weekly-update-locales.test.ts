import { describe, expect, it } from 'vitest';
import {
  draftWeeklyUpdate,
  weeklyUpdateModel,
  type WeeklyUpdateInput,
} from '../../src-main/core/weekly-update';
import { renderUpdate } from '../../src-main/core/weekly-update-document';
import { instantAt } from '../../src-main/core/time';

/** The weekly update in the reader's language: Keel's words translated, the user's as typed. */

const zone = 'Europe/Berlin';
const INPUT: WeeklyUpdateInput = {
  from: '2027-03-15',
  to: '2027-03-21',
  zone,
  generatedAt: instantAt('2027-03-19', '18:00', zone),
  signoffs: [
    {
      date: '2027-03-19',
      signedOffAt: instantAt('2027-03-19', '17:30', zone),
      done: 'Release 2.3 ausgeliefert',
      unfinished: [{ item: 'Migration — waiting on ops', plan: '' }],
      firstTomorrow: null,
    },
  ],
  days: [],
  hasFocusData: false,
  checks: [],
};

const update = (locale: string) =>
  renderUpdate(weeklyUpdateModel(draftWeeklyUpdate({ ...INPUT, locale }), null), 'text');

describe('the weekly update in the reader’s language', () => {
  it('is en-US without a locale', () => {
    const english = renderUpdate(weeklyUpdateModel(draftWeeklyUpdate(INPUT), null), 'text');
    expect(english).toBe(update('en-US'));
    expect(english).toContain('Weekly update\nPeriod: March 15 – 21, 2027 · Prepared on March 19, 2027\n');
    expect(english).toContain('Drafted by Keel from 1 end-of-day sign-off.');
  });

  it.each([
    [
      'de',
      'Wochenupdate',
      'Zeitraum: 15.–21. März 2027',
      'Erledigt\n• Release 2.3 ausgeliefert',
      'Von Keel entworfen aus 1 Feierabend.',
      '(19. März 2027)',
    ],
    [
      'fr',
      'Point hebdomadaire',
      'Période : 15–21 mars 2027',
      'Livré\n• Release 2.3 ausgeliefert',
      'Rédigé par Keel à partir de 1 fin de journée.',
      '(19 mars 2027)',
    ],
    [
      'es',
      'Resumen semanal',
      'Periodo: 15–21 de marzo de 2027',
      'Entregado\n• Release 2.3 ausgeliefert',
      'Redactado por Keel a partir de 1 cierre del día.',
      '(19 de marzo de 2027)',
    ],
    [
      'pt-BR',
      'Atualização semanal',
      'Período: 15 – 21 de março de 2027',
      'Entregue\n• Release 2.3 ausgeliefert',
      'Rascunho do Keel a partir de 1 encerramento.',
      '(19 de março de 2027)',
    ],
  ])('in %s: title, period, a section, how it was drafted and its date', (locale, ...lines) => {
    const written = update(locale);
    for (const line of lines) expect(written).toContain(line);
    // The user's blocker stays as typed.
    expect(written).toContain('• Migration — waiting on ops');
  });

  it('writes the HTML page’s language', () => {
    const model = weeklyUpdateModel(draftWeeklyUpdate({ ...INPUT, locale: 'de' }), null);
    expect(renderUpdate(model, 'html')).toContain('<html lang="de">');
  });
});
