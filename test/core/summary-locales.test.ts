import { describe, expect, it } from 'vitest';
import type { Checkin, Rating, Sustainable } from '../../src-main/core/checkin';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import { renderHtml } from '../../src-main/core/summary-html';
import { pdfFooterTemplate } from '../../src-main/core/summary-pdf';
import { renderText } from '../../src-main/core/summary-plain';
import { buildSummary, type SummaryData } from '../../src-main/core/summary-model';
import { SUMMARY_SECTIONS } from '../../src-main/core/summary-sections';
import { instantAt, type LocalDate } from '../../src-main/core/time';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src-main/shared/i18n/pseudo';
import { figuresOver, interruptionOf, ranSession, summaryDaysOf } from '../helpers/figures';

/**
 * The one-on-one summary in the reader's language: the same data and choices, six languages.
 * Keel's words come from the export catalog; dates, numbers and durations from Intl; the user's
 * text is left as typed.
 */

const zone = 'Europe/Berlin';
const at = (date: LocalDate, hhmm: string) => instantAt(date, hhmm, zone);
const PERIOD = { from: '2027-03-01', to: '2027-03-14' };

function check(
  id: string,
  localDate: LocalDate,
  w: Rating,
  e: Rating,
  s: Sustainable,
  note?: string,
): Checkin {
  return {
    id,
    at: at(localDate, '16:00'),
    localDate,
    zone,
    workload: w,
    energy: e,
    sustainable: s,
    stretched: ['Späte Releases'],
    note: note ?? null,
    shareable: note !== undefined,
  };
}

const MORNINGS: Settings = {
  ...defaultSettings(zone),
  focusPlan: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((weekday) => ({
    weekday,
    start: '09:00',
    end: '11:00',
  })),
};

const session = ranSession('2027-03-02', '09:00', 90, zone);

/** One check-in (a singular count), 1 h 30 min protected, a user's tag, note and talking point. */
const DATA: SummaryData = {
  zone,
  generatedAt: at('2027-03-15', '09:00'),
  userName: 'Sam Rivera',
  checks: [check('c1', '2027-03-02', 3, 4, 'yes', 'Pairing mit Lee — *gut*')],
  figures: summaryDaysOf(
    figuresOver({
      rules: MORNINGS,
      ...PERIOD,
      today: '2027-03-15',
      sessions: [session],
      interruptions: [interruptionOf(session, 'meeting'), interruptionOf(session, 'chat')],
      workdays: [
        {
          date: '2027-03-01',
          firstActive: at('2027-03-01', '09:00'),
          lastActive: at('2027-03-01', '17:00'),
          signedOffAt: null,
        },
      ],
    }),
  ),
  talkingPoints: [
    { id: 't1', text: 'Budget für Q2', createdAt: at('2027-03-01', '10:00'), discussedAt: null },
  ],
};

const ALL = { ...PERIOD, sections: [...SUMMARY_SECTIONS], noteIds: ['c1'] };

const text = (locale: string) => renderText(buildSummary(DATA, { ...ALL, locale }));

describe('the summary in the reader’s language', () => {
  it('prints the language given, whatever else: en-US by default', () => {
    expect(text('en-US')).toBe(renderText(buildSummary(DATA, ALL)));
    expect(buildSummary(DATA, ALL).locale).toBe('en-US');
    expect(buildSummary(DATA, { ...ALL, locale: 'de' }).locale).toBe('de');
  });

  it.each([
    [
      'en-US',
      [
        'One-on-one summary',
        'Period: March 1 – 14, 2027 · Prepared by Sam Rivera on March 15, 2027',
        '• 1 check-in',
        '• Protected: 1 hr, 30 min',
        '• Interruptions: 2 (1 meeting, 1 chat)',
        'How it is counted: Averages of your own check-in ratings in the period;',
        '• March 2, 2027: Pairing mit Lee — *gut*',
      ],
    ],
    [
      'en-GB',
      [
        'One-on-one summary',
        'Period: 1 – 14 March 2027 · Prepared by Sam Rivera on 15 March 2027',
        '• 1 check-in',
        '• Planned: 20 hrs',
        '• Protected: 1 hr, 30 mins',
        '• 2 March 2027: Pairing mit Lee — *gut*',
      ],
    ],
    [
      'de',
      [
        'Zusammenfassung für das Einzelgespräch',
        'Zeitraum: 1.–14. März 2027 · Erstellt von Sam Rivera am 15. März 2027',
        '• 1 Check-in',
        '• Geschützt: 1 Std., 30 Min.',
        '• Unterbrechungen: 2 (1 Meeting, 1 Chat)',
        'So wird gezählt: Durchschnitte deiner eigenen Check-in-Bewertungen',
        '• 2. März 2027: Pairing mit Lee — *gut*',
      ],
    ],
    [
      'fr',
      [
        'Synthèse pour le tête-à-tête',
        'Période : 1–14 mars 2027 · Préparée par Sam Rivera le 15 mars 2027',
        '• 1 bilan',
        '• Protégé : 1 h et 30 min',
        '• Interruptions : 2 (1 réunion et 1 messagerie)',
        'Charge de travail et énergie moyennes par semaine :',
        'Mode de calcul : Moyennes de vos propres notes de bilan',
        '• 2 mars 2027 : Pairing mit Lee — *gut*',
      ],
    ],
    [
      'es',
      [
        'Resumen para la reunión individual',
        'Periodo: 1–14 de marzo de 2027 · Preparado por Sam Rivera el 15 de marzo de 2027',
        '• 1 registro',
        '• Protegido: 1 h y 30 min',
        'Cómo se cuenta: Promedios de tus propias valoraciones',
        '• 2 de marzo de 2027: Pairing mit Lee — *gut*',
      ],
    ],
    [
      'pt-BR',
      [
        'Resumo para a reunião individual',
        'Período: 1 – 14 de março de 2027 · Preparado por Sam Rivera em 15 de março de 2027',
        '• 1 check-in',
        '• Protegido: 1 h e 30 min',
        'Como é contado: Médias das suas próprias avaliações',
        '• 2 de março de 2027: Pairing mit Lee — *gut*',
      ],
    ],
  ])('in %s: the period, a count, a duration and how it is counted', (locale, lines) => {
    const written = text(locale);
    for (const line of lines) expect(written).toContain(line);
  });

  it('counts in each language’s plural: 2 check-ins', () => {
    const two = { ...DATA, checks: [...DATA.checks, check('c2', '2027-03-03', 2, 2, 'no')] };
    const of = (locale: string) => renderText(buildSummary(two, { ...ALL, locale }));
    expect(of('en-US')).toContain('• 2 check-ins');
    expect(of('de')).toContain('• 2 Check-ins');
    expect(of('fr')).toContain('• 2 bilans');
    expect(of('es')).toContain('• 2 registros');
    expect(of('pt-BR')).toContain('• 2 check-ins');
  });

  it('writes the HTML’s language, the chart’s words and the PDF footer in it', () => {
    const html = renderHtml(buildSummary(DATA, { ...ALL, locale: 'de' }));
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<title>Zusammenfassung für das Einzelgespräch, 1.–14. März 2027</title>');
    expect(html).toContain('<caption>Durchschnittliche Arbeitslast und Energie pro Woche</caption>');
    expect(pdfFooterTemplate('Titel', '1.–14. März 2027', 'de')).toContain(
      'Seite <span class="pageNumber"></span> von <span class="totalPages"></span>',
    );
  });

  it('leaves no English outside the pseudo-locale’s brackets (only the user’s text, dates and numbers)', () => {
    const model = buildSummary(DATA, { ...ALL, locale: 'en-XA' });
    expect(model.locale).toBe('en-XA');
    let rest = renderText(model);
    // Bracketed messages may nest (a counting line holds its sentence): take the innermost first.
    const innermost = new RegExp(
      `\\${PSEUDO_OPEN}[^\\${PSEUDO_OPEN}\\${PSEUDO_CLOSE}]*\\${PSEUDO_CLOSE}`,
      'gu',
    );
    for (let before = ''; before !== rest;) {
      before = rest;
      rest = rest.replace(innermost, ' ');
    }
    for (const user of ['Sam Rivera', 'Pairing mit Lee — *gut*', 'Budget für Q2', 'Späte Releases'])
      rest = rest.split(user).join(' ');
    // Left: dates, numbers, bullets and punctuation — no word of Keel's.
    const words = rest.match(/\p{L}{2,}/gu) ?? [];
    const dateWords = /^(March|Mar|hr|min)$/u;
    expect(words.filter((w) => !dateWords.test(w))).toEqual([]);
  });
});
