import fc from 'fast-check';
// parse5 is the HTML parser jsdom (a dev dependency) is built on: it reads the output the way a
// browser would, so the tests check the document a reader gets, not just the string.
import { parse, parseFragment, type DefaultTreeAdapterTypes as P } from 'parse5';
import { describe, expect, it } from 'vitest';
import { tagLabel, type Checkin, type Rating, type Sustainable } from '../../src-main/core/checkin';
import { defaultSettings, type Settings } from '../../src-main/core/settings';
import type { SummaryChoicesInput } from '../../src-main/core/summary-choices';
import { renderHtml, SUMMARY_HTML_CSP } from '../../src-main/core/summary-html';
import { renderMarkdown } from '../../src-main/core/summary-markdown';
import { renderText } from '../../src-main/core/summary-plain';
import { buildSummary, type SummaryData, type SummaryModel } from '../../src-main/core/summary-model';
import { HOW_COUNTED, SUMMARY_SECTIONS } from '../../src-main/core/summary-sections';
import { escapeHtml, escapeMarkdown, oneLine, plainText, textLines } from '../../src-main/core/summary-text';
import { instantAt, type LocalDate } from '../../src-main/core/time';
import { figuresOver, interruptionOf, NO_FIGURES, ranSession, summaryDaysOf } from '../helpers/figures';
import { HOSTILE } from '../helpers/hostile-text';
import { propertyRuns } from '../support/thorough';

const zone = 'Europe/Berlin';
const at = (date: LocalDate, hhmm: string) => instantAt(date, hhmm, zone);
const PERIOD = { from: '2027-03-01', to: '2027-03-14' };

function check(
  id: string,
  localDate: LocalDate,
  workload: Rating,
  energy: Rating,
  sustainable: Sustainable,
  stretched: string[],
  note: string | null = null,
  shareable = false,
): Checkin {
  return {
    id,
    at: at(localDate, '16:00'),
    localDate,
    zone,
    workload,
    energy,
    sustainable,
    stretched,
    note,
    shareable,
  };
}

/** Keel's defaults with a focus plan of weekday mornings, 09:00–11:00: 2 h a working day. */
const MORNINGS: Settings = {
  ...defaultSettings(zone),
  focusPlan: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((weekday) => ({
    weekday,
    start: '09:00',
    end: '11:00',
  })),
};

const workday = (date: LocalDate, first: string, last: string, signed?: string) => ({
  date,
  firstActive: at(date, first),
  lastActive: at(date, last),
  signedOffAt: signed ? at(date, signed) : null,
});

const long = ranSession('2027-03-02', '09:00', 450, zone);
const longer = ranSession('2027-03-10', '09:00', 420, zone);

/** Two weeks of a realistic user. */
const REALISTIC: SummaryData = {
  zone,
  generatedAt: at('2027-03-15', '09:00'),
  userName: 'Sam Rivera',
  checks: [
    check('c0', '2027-02-26', 1, 1, 'no', ['meetings'], 'Before the period', true),
    check('c1', '2027-03-02', 3, 4, 'yes', ['meetings'], 'Good pairing session with Lee.', true),
    check('c2', '2027-03-04', 4, 3, 'mostly', ['meetings', 'deadlines'], 'Private: so tired', false),
    check('c3', '2027-03-09', 4, 3, 'mostly', ['deadlines', 'code-review']),
    check(
      'c4',
      '2027-03-11',
      5,
      2,
      'no',
      ['meetings', 'on-call'],
      'Release week *again*.\nNeed help with on-call.',
      true,
    ),
  ],
  // Planned: 10 working days of 2 h; protected: 7 h 30 min and 7 h.
  figures: summaryDaysOf(
    figuresOver({
      rules: MORNINGS,
      ...PERIOD,
      today: '2027-03-15',
      sessions: [long, longer],
      interruptions: [
        interruptionOf(long, 'meeting'),
        interruptionOf(long, 'meeting', 60),
        interruptionOf(long, 'chat'),
        interruptionOf(longer, 'chat'),
        interruptionOf(longer, 'chat', 30),
      ],
      workdays: [
        workday('2027-03-01', '09:00', '17:40', '17:35'),
        workday('2027-03-02', '09:00', '18:30', '18:25'),
        workday('2027-03-03', '09:00', '17:00'),
        workday('2027-03-06', '10:00', '11:00'),
        workday('2027-03-08', '09:00', '19:00', '19:00'),
      ],
    }),
  ),
  // In the agenda's order, as storage gives them.
  talkingPoints: [
    { id: 't2', text: 'Rotate on-call fairly?', createdAt: at('2027-03-01', '10:00'), discussedAt: null },
    { id: 't1', text: 'Conference budget for Q2', createdAt: at('2027-03-03', '10:00'), discussedAt: null },
    {
      id: 't3',
      text: 'Already discussed',
      createdAt: at('2027-03-01', '09:00'),
      discussedAt: at('2027-03-08', '10:00'),
    },
  ],
};

const ALL: SummaryChoicesInput = { ...PERIOD, sections: [...SUMMARY_SECTIONS], noteIds: ['c1', 'c2', 'c4'] };

const EMPTY: SummaryData = {
  zone,
  generatedAt: at('2027-03-15', '09:00'),
  checks: [],
  figures: NO_FIGURES,
  talkingPoints: [],
};

// --- reading the HTML the way a browser does ---------------------------------------------------

function isElement(node: P.Node): node is P.Element {
  return 'tagName' in node;
}

function* elements(node: P.Node): Generator<P.Element> {
  if (isElement(node)) yield node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
  if (isElement(node) && node.tagName === 'template') yield* elements((node as P.Template).content);
}

/** Text as read: `<br>` is a line break. */
function textOf(node: P.Node): string {
  if (node.nodeName === '#text') return (node as P.TextNode).value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function attr(element: P.Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'h1',
  'h2',
  'p',
  'section',
  'ul',
  'li',
  'br',
  'strong',
  'figure',
  'svg',
  'desc',
  'line',
  'polyline',
  'circle',
  'text',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const ALLOWED_ATTRS = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'class',
  'id',
  'role',
  'aria-labelledby',
  'viewBox',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'cx',
  'cy',
  'r',
  'points',
  'text-anchor',
  'scope',
]);

/** The document holds only Keel's own elements and attributes: nothing can run or fetch. */
function expectInertHtml(html: string): P.Document {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i); // no event handler inside any tag
  expect(html).not.toMatch(/<[a-z][^>]*\s(href|src|action)\s*=/i); // nothing to follow or fetch
  const doc = parse(html);
  for (const element of elements(doc)) {
    expect(ALLOWED_TAGS, element.tagName).toContain(element.tagName);
    for (const a of element.attrs) {
      expect(ALLOWED_ATTRS, `${element.tagName} ${a.name}`).toContain(a.name);
      expect(a.value).not.toMatch(/javascript:|<|>/i);
    }
  }
  return doc;
}

function listItems(doc: P.Document, sectionClass: string): string[] {
  const section = [...elements(doc)].find(
    (e) => e.tagName === 'section' && attr(e, 'class') === sectionClass,
  );
  if (!section) return [];
  return [...elements(section)].filter((e) => e.tagName === 'li').map(textOf);
}

// --- reading the Markdown -------------------------------------------------------------------------

/** Markdown list items under `## title`, continuation lines joined with `\n`. */
function markdownItems(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${title}`);
  const items: string[] = [];
  for (let i = start + 1; i < lines.length && !lines[i]?.startsWith('## '); i++) {
    const line = lines[i] as string;
    if (line.startsWith('- ')) items.push(line.slice(2));
    else if (line.startsWith('  ') && items.length > 0) items[items.length - 1] += `\n${line.slice(2)}`;
  }
  return items;
}

/** What a Markdown renderer shows for plain inline text we write: backslash escapes resolved. */
function shownMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Never bare in escaped text: code spans, brackets, and a backslash that escapes nothing. */
const MARKDOWN_SYNTAX = /[`[\]]|\\$/;

describe('Markdown', () => {
  it('renders a realistic summary exactly', () => {
    expect(renderMarkdown(buildSummary(REALISTIC, ALL))).toBe(
      [
        '# One-on-one summary',
        '',
        'Period: March 1 – 14, 2027 · Prepared by Sam Rivera on March 15, 2027',
        '',
        '## Workload and energy',
        '',
        '- 4 check-ins',
        '- Workload averaged 4.0 (1 far too light, 5 unsustainable)',
        '- Energy averaged 3.0 (1 drained, 5 full of energy)',
        '',
        '| Week of | Check-ins | Workload | Energy |',
        '| --- | ---: | ---: | ---: |',
        '| March 1, 2027 | 2 | 3.5 | 3.5 |',
        '| March 8, 2027 | 2 | 4.5 | 2.5 |',
        '',
        'How it is counted: Averages of your own check-in ratings in the period; a direction is named only with check-ins in three or more weeks.',
        '',
        '## Sustainability',
        '',
        'Is the workload sustainable right now? Answers over 4 check-ins:',
        '',
        '- Yes: 1',
        '- Mostly: 2',
        '- No: 1',
        '',
        "How it is counted: How often each answer was given in the period's check-ins.",
        '',
        '## Where I feel stretched',
        '',
        '- Meetings: 3 of 4 check-ins',
        '- Deadlines: 2 of 4 check-ins',
        '- Code review: 1 of 4 check-ins',
        '- On-call or incidents: 1 of 4 check-ins',
        '',
        "How it is counted: How many of the period's check-ins named each area (the five most named).",
        '',
        '## Focus time',
        '',
        '- Planned: 20 hr',
        '- Protected: 14 hr, 30 min',
        '- Interruptions: 5 (2 meetings, 3 chat)',
        '',
        'How it is counted: Planned: the blocks of your weekly focus plan on working days, by the plan in force on each day; holidays, pauses and days off are never planned. Protected: how long focus blocks ran, planned or started on the spot; interruptions are counted, not subtracted.',
        '',
        '## End of day',
        '',
        '- Workdays with activity: 4',
        '- Days signed off: 3',
        '- Late evenings: 2',
        '- Days off with some work: 1',
        '',
        'How it is counted: Each day is read by the working hours in force on it. Late: last activity more than 30 minutes after the end of working hours. Keel keeps only when you were first and last active each day.',
        '',
        '## Talking points',
        '',
        '- Rotate on-call fairly?',
        '- Conference budget for Q2',
        '',
        '## Notes',
        '',
        '- **March 2, 2027:** Good pairing session with Lee.',
        '- **March 11, 2027:** Release week \\*again\\*.',
        '  Need help with on-call.',
        '',
      ].join('\n'),
    );
  });

  it('renders the default summary with a direction once there are three weeks', () => {
    const checks = [
      check('a', '2027-03-01', 2, 4, 'yes', []),
      check('b', '2027-03-08', 3, 4, 'yes', []),
      check('c', '2027-03-15', 4, 4, 'yes', []),
    ];
    const model = buildSummary({ ...EMPTY, checks }, { from: '2027-03-01', to: '2027-03-21' });
    expect(renderMarkdown(model)).toBe(
      [
        '# One-on-one summary',
        '',
        'Period: March 1 – 21, 2027 · Prepared on March 15, 2027',
        '',
        '## Workload and energy',
        '',
        '- 3 check-ins',
        '- Workload averaged 3.0 (1 far too light, 5 unsustainable), rising',
        '- Energy averaged 4.0 (1 drained, 5 full of energy), steady',
        '',
        '| Week of | Check-ins | Workload | Energy |',
        '| --- | ---: | ---: | ---: |',
        '| March 1, 2027 | 1 | 2.0 | 4.0 |',
        '| March 8, 2027 | 1 | 3.0 | 4.0 |',
        '| March 15, 2027 | 1 | 4.0 | 4.0 |',
        '',
        'How it is counted: Averages of your own check-in ratings in the period; a direction is named only with check-ins in three or more weeks.',
        '',
        '## Talking points',
        '',
        'No open talking points.',
        '',
      ].join('\n'),
    );
  });

  it('says in each section when its data is absent', () => {
    const model = buildSummary(EMPTY, { ...PERIOD, sections: [...SUMMARY_SECTIONS] });
    expect(renderMarkdown(model)).toBe(
      [
        '# One-on-one summary',
        '',
        'Period: March 1 – 14, 2027 · Prepared on March 15, 2027',
        '',
        '## Workload and energy',
        '',
        'No check-ins in this period.',
        '',
        '## Sustainability',
        '',
        'No check-ins in this period.',
        '',
        '## Where I feel stretched',
        '',
        'No check-ins in this period.',
        '',
        '## Focus time',
        '',
        'No focus data for this period.',
        '',
        '## End of day',
        '',
        'No end-of-day data for this period.',
        '',
        '## Talking points',
        '',
        'No open talking points.',
        '',
        '## Notes',
        '',
        'No notes were ticked to share.',
        '',
      ].join('\n'),
    );
  });

  it('words singular counts, no interruptions and zero minutes', () => {
    const model = buildSummary(
      {
        ...EMPTY,
        checks: [check('a', '2027-03-03', 3, 3, 'yes', ['meetings'])],
        figures: summaryDaysOf(
          figuresOver({
            rules: { ...defaultSettings(zone), focusPlan: [] },
            ...PERIOD,
            today: '2027-03-15',
            sessions: [ranSession('2027-03-03', '15:00', 25, zone)],
          }),
        ),
      },
      { ...PERIOD, sections: ['trends', 'stretched', 'focus'] },
    );
    const markdown = renderMarkdown(model);
    expect(markdown).toContain('- 1 check-in\n');
    expect(markdown).toContain('- Meetings: 1 of 1 check-in\n');
    expect(markdown).toContain('- Planned: 0 min\n- Protected: 25 min\n- Interruptions: none\n');
  });

  it.each([
    ['<script>alert(1)</script>', '\\<script>alert(1)\\</script>'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['[click](javascript:alert(1))', '\\[click\\](javascript:alert(1))'],
    ['![x](http://evil/p.png)', '!\\[x\\](http://evil/p.png)'],
    ['<https://evil.example/>', '\\<https\\://evil.example/>'],
    ['**bold** _em_ ~~gone~~', '\\*\\*bold\\*\\* \\_em\\_ \\~\\~gone\\~\\~'],
    ['# heading', '\\# heading'],
    ['| a | b |', '| a | b |'],
    ['| --- |', '\\| --- |'],
    ['`code` ```', '\\`code\\` \\`\\`\\`'],
    ['&amp; &#60; R&D', '\\&amp; \\&#60; R&D'],
    ['1. item', '1\\. item'],
    ['- item + item', '\\- item + item'],
    ['$x$', '\\$x\\$'],
    ['a\\b\\ c\\*', 'a\\b\\ c\\\\\\*'],
    ['line one\n> quote\n=====', 'line one > quote ====='],
    ['> quote', '\\> quote'],
    ['=====', '\\====='],
    ['snake_case and a_b, 3 * 4', 'snake_case and a_b, 3 * 4'],
    ['see https://example.com/a_b', 'see https://example.com/a_b'],
    ['  \t lead and trail \u0000 ', 'lead and trail'],
    ['abc\u202Etxt', 'abctxt'],
    ['Shipped 🚀 👩‍💻 日本語 ça', 'Shipped 🚀 👩‍💻 日本語 ça'],
  ])('escapes %j as literal text', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  // Renderers read the result in summary-markdown-renderers.test.ts; here, what the escapes are.
  it('escapes only ASCII punctuation, leaves brackets and backticks bare nowhere, and nothing is lost (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/\n/);
        expect(escaped.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(MARKDOWN_SYNTAX);
        expect(shownMarkdown(escaped)).toBe(oneLine(text));
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

describe('plain text for chat', () => {
  it('renders a realistic summary exactly: no Markdown, bullets, headings as plain lines', () => {
    expect(
      renderText(
        buildSummary({ ...REALISTIC, nameLine: 'Sam Rivera — one-on-one with Alex, 15 March' }, ALL),
      ),
    ).toBe(
      [
        'One-on-one summary',
        'Sam Rivera — one-on-one with Alex, 15 March',
        'Period: March 1 – 14, 2027 · Prepared by Sam Rivera on March 15, 2027',
        '',
        'Workload and energy',
        '• 4 check-ins',
        '• Workload averaged 4.0 (1 far too light, 5 unsustainable)',
        '• Energy averaged 3.0 (1 drained, 5 full of energy)',
        'Average workload and energy by week:',
        '• March 1, 2027 — Check-ins 2, Workload 3.5, Energy 3.5',
        '• March 8, 2027 — Check-ins 2, Workload 4.5, Energy 2.5',
        'How it is counted: Averages of your own check-in ratings in the period; a direction is named only with check-ins in three or more weeks.',
        '',
        'Sustainability',
        'Is the workload sustainable right now? Answers over 4 check-ins:',
        '• Yes: 1',
        '• Mostly: 2',
        '• No: 1',
        "How it is counted: How often each answer was given in the period's check-ins.",
        '',
        'Where I feel stretched',
        '• Meetings: 3 of 4 check-ins',
        '• Deadlines: 2 of 4 check-ins',
        '• Code review: 1 of 4 check-ins',
        '• On-call or incidents: 1 of 4 check-ins',
        "How it is counted: How many of the period's check-ins named each area (the five most named).",
        '',
        'Focus time',
        '• Planned: 20 hr',
        '• Protected: 14 hr, 30 min',
        '• Interruptions: 5 (2 meetings, 3 chat)',
        'How it is counted: Planned: the blocks of your weekly focus plan on working days, by the plan in force on each day; holidays, pauses and days off are never planned. Protected: how long focus blocks ran, planned or started on the spot; interruptions are counted, not subtracted.',
        '',
        'End of day',
        '• Workdays with activity: 4',
        '• Days signed off: 3',
        '• Late evenings: 2',
        '• Days off with some work: 1',
        'How it is counted: Each day is read by the working hours in force on it. Late: last activity more than 30 minutes after the end of working hours. Keel keeps only when you were first and last active each day.',
        '',
        'Talking points',
        '• Rotate on-call fairly?',
        '• Conference budget for Q2',
        '',
        'Notes',
        '• March 2, 2027: Good pairing session with Lee.',
        '• March 11, 2027: Release week *again*.',
        '  Need help with on-call.',
        '',
      ].join('\n'),
    );
  });

  it.each(HOSTILE.map((text) => [text.length > 60 ? `${text.slice(0, 60)}…` : text, text]))(
    'writes %j exactly as typed, cleaned, with no escapes',
    (_, text) => {
      const model = buildSummary(
        {
          ...EMPTY,
          nameLine: text,
          checks: [check('h', '2027-03-03', 3, 3, 'yes', [], text, true)],
          talkingPoints: [{ id: 't', text, createdAt: 0, discussedAt: null }],
        },
        { ...PERIOD, sections: ['talkingPoints', 'notes'], noteIds: ['h'] },
      );
      const lines = renderText(model).split('\n');
      expect(lines[1]).toBe(Array.from(oneLine(text)).slice(0, 120).join('').trim());
      expect(lines).toContain(`• ${oneLine(text)}`);
      const [first, ...rest] = textLines(text);
      expect(renderText(model)).toContain(
        `\nNotes\n• March 3, 2027: ${[first, ...rest.map((l) => `  ${l}`)].join('\n')}\n`,
      );
      expect(renderText(model)).not.toMatch(CONTROL);
    },
  );
});

describe('HTML', () => {
  const html = renderHtml(buildSummary(REALISTIC, ALL));

  it('is a complete, self-contained, printable document that cannot run or fetch anything', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en-US">\n<head>\n<meta charset="utf-8">\n')).toBe(
      true,
    );
    expect(html.endsWith('</html>\n')).toBe(true);
    const doc = expectInertHtml(html);
    const all = [...elements(doc)];
    const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
    expect(attr(csp as P.Element, 'content')).toBe(SUMMARY_HTML_CSP);
    expect(SUMMARY_HTML_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(SUMMARY_HTML_CSP).not.toMatch(/script-src|unsafe-eval/);
    expect(textOf(all.find((e) => e.tagName === 'title') as P.Element)).toBe(
      'One-on-one summary, March 1 – 14, 2027',
    );
    const style = textOf(all.find((e) => e.tagName === 'style') as P.Element);
    expect(style).toContain('@page');
    expect(style).toContain('@media print');
    expect(style).toContain('overflow-wrap: anywhere');
    expect(style).not.toMatch(/url\(|@import/);
    expect(all.filter((e) => e.tagName === 'h2').map(textOf)).toEqual([
      'Workload and energy',
      'Sustainability',
      'Where I feel stretched',
      'Focus time',
      'End of day',
      'Talking points',
      'Notes',
    ]);
  });

  it('says the same as the Markdown, item for item', () => {
    const doc = parse(html);
    const markdown = renderMarkdown(buildSummary(REALISTIC, ALL));
    const sections = [...elements(doc)].filter((e) => e.tagName === 'section');
    expect(sections).toHaveLength(SUMMARY_SECTIONS.length);
    for (const section of sections) {
      const title = textOf(section.childNodes.find((n) => isElement(n) && n.tagName === 'h2') as P.Node);
      expect(listItems(doc, attr(section, 'class') as string)).toEqual(
        markdownItems(markdown, title).map((item) => shownMarkdown(item.replace(/^\*\*(.*?)\*\*/, '$1'))),
      );
    }
    const intro = [...elements(doc)].find((e) => attr(e, 'class') === 'intro') as P.Element;
    expect(textOf(intro)).toBe('Period: March 1 – 14, 2027 · Prepared by Sam Rivera on March 15, 2027');
    expect(listItems(doc, 'notes')).toEqual([
      'March 2, 2027: Good pairing session with Lee.',
      'March 11, 2027: Release week *again*.\nNeed help with on-call.',
    ]);
  });

  it('ends each section with figures with how they are counted, and only those', () => {
    const doc = parse(html);
    const notes = [...elements(doc)]
      .filter((e) => e.tagName === 'section')
      .map((section) => {
        const last = [...elements(section)].filter((e) => e.tagName === 'p').at(-1);
        return [attr(section, 'class'), last ? textOf(last) : null];
      })
      .filter(([, text]) => text?.startsWith('How it is counted: '));
    expect(notes).toEqual([
      ['trends', `How it is counted: ${HOW_COUNTED.trends}`],
      ['sustainability', `How it is counted: ${HOW_COUNTED.sustainability}`],
      ['stretched', `How it is counted: ${HOW_COUNTED.stretched}`],
      ['focus', `How it is counted: ${HOW_COUNTED.focus}`],
      ['endOfDay', `How it is counted: ${HOW_COUNTED.endOfDay}`],
    ]);
    expect(html.match(/How it is counted: /g)).toHaveLength(5);
  });

  it('draws the weekly trend as an SVG chart with a title, a description and the table as text', () => {
    const doc = parse(html);
    const svg = [...elements(doc)].find((e) => e.tagName === 'svg') as P.Element;
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'aria-labelledby')).toBe('trend-chart-title trend-chart-desc');
    const parts = [...elements(svg)];
    expect(textOf(parts.find((e) => e.tagName === 'title') as P.Element)).toBe(
      'Average workload and energy by week',
    );
    expect(textOf(parts.find((e) => e.tagName === 'desc') as P.Element)).toContain('the table below');
    expect(parts.filter((e) => e.tagName === 'polyline').map((e) => attr(e, 'class'))).toEqual([
      'workload',
      'energy',
    ]);
    expect(parts.filter((e) => e.tagName === 'circle')).toHaveLength(4);
    const rows = [...elements(doc)].filter((e) => e.tagName === 'tr').map((e) => textOf(e));
    expect(rows).toEqual([
      'Week ofCheck-insWorkloadEnergy',
      'March 1, 20272' + '3.5' + '3.5',
      'March 8, 20272' + '4.5' + '2.5',
    ]);
  });

  it('breaks the chart line at a week without check-ins, and draws none without data', () => {
    const checks = [check('a', '2027-03-02', 2, 4, 'yes', []), check('b', '2027-03-16', 4, 2, 'yes', [])];
    const gap = parse(
      renderHtml(buildSummary({ ...EMPTY, checks }, { from: '2027-03-01', to: '2027-03-21' })),
    );
    const parts = [...elements(gap)];
    expect(parts.filter((e) => e.tagName === 'polyline')).toHaveLength(0);
    expect(parts.filter((e) => e.tagName === 'circle')).toHaveLength(4);
    const none = renderHtml(buildSummary(EMPTY, PERIOD));
    expect(none).not.toContain('<svg');
    expect(none).not.toContain('<table');
    expect(none).toContain('<p class="empty">No check-ins in this period.</p>');
  });

  it('escapes & < > " \' in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('reads back exactly the cleaned text, in content and in attributes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const escaped = escapeHtml(text);
        const fragment = parseFragment(`<p title="${escaped}">${escaped}</p><p title='${escaped}'>x</p>`);
        const [first, second] = fragment.childNodes as P.Element[];
        expect(fragment.childNodes).toHaveLength(2);
        expect(textOf(first as P.Element)).toBe(plainText(text));
        expect(attr(first as P.Element, 'title')).toBe(plainText(text));
        expect(attr(second as P.Element, 'title')).toBe(plainText(text));
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('hostile text', () => {
  /** One model with `text` as the name, a tag, a talking point and a shared note. */
  function hostileModel(text: string): SummaryModel {
    return buildSummary(
      {
        ...EMPTY,
        userName: text,
        checks: [check('h', '2027-03-03', 3, 3, 'yes', [text], text, true)],
        talkingPoints: [{ id: 't', text, createdAt: 0, discussedAt: null }],
      },
      { ...PERIOD, sections: ['stretched', 'talkingPoints', 'notes'], noteIds: ['h'] },
    );
  }

  it.each(HOSTILE.map((text) => [text.length > 60 ? `${text.slice(0, 60)}…` : text, text]))(
    'HTML shows %j as text and nothing else',
    (_, text) => {
      const html = renderHtml(hostileModel(text));
      const doc = expectInertHtml(html);
      expect(html).not.toMatch(CONTROL);
      const label = oneLine(tagLabel(text));
      expect(listItems(doc, 'stretched')).toEqual([`${label}: 1 of 1 check-in`]);
      expect(listItems(doc, 'talkingPoints')).toEqual([oneLine(text)]);
      expect(listItems(doc, 'notes')).toEqual([`March 3, 2027: ${textLines(text).join('\n')}`]);
      const intro = [...elements(doc)].find((e) => attr(e, 'class') === 'intro') as P.Element;
      expect(textOf(intro)).toBe(
        `Period: March 1 – 14, 2027 · Prepared by ${oneLine(text).slice(0, 80).trim()} on March 15, 2027`,
      );
    },
  );

  it.each(HOSTILE.map((text) => [text.length > 60 ? `${text.slice(0, 60)}…` : text, text]))(
    'Markdown shows %j as literal text and nothing else',
    (_, text) => {
      const markdown = renderMarkdown(hostileModel(text));
      expect(markdown).not.toMatch(CONTROL);
      // markdown-it and marked read these in summary-markdown-renderers.test.ts; here, the layout.
      const points = markdownItems(markdown, 'Talking points');
      expect(points.map(shownMarkdown)).toEqual([oneLine(text)]);
      const notes = markdownItems(markdown, 'Notes');
      expect(notes).toHaveLength(1);
      expect(notes[0]?.startsWith('**March 3, 2027:** ')).toBe(true);
      expect(shownMarkdown((notes[0] as string).replace(/^\*\*(.*?)\*\*/, '$1')).split('\n')).toEqual([
        `March 3, 2027: ${textLines(text)[0]}`,
        ...textLines(text).slice(1),
      ]);
      expect(markdownItems(markdown, 'Where I feel stretched').map(shownMarkdown)).toEqual([
        `${oneLine(tagLabel(text))}: 1 of 1 check-in`,
      ]);
      // Every line is Keel's: a heading, a list item or its indented continuation, the period,
      // the stretched section's counting note.
      for (const line of markdown.split('\n').filter((l) => l.length > 0)) {
        expect(line).toMatch(/^(# |## |- | {2}[^ ]|Period: |How it is counted: )/);
      }
      expect(markdown.split('\n').filter((l) => l.startsWith('How it is counted: '))).toEqual([
        `How it is counted: ${HOW_COUNTED.stretched}`,
      ]);
      // With the escapes taken out, no bracket, code span or tag is left.
      const bare = markdown.replace(/\\[\s\S]/g, '');
      expect(bare).not.toMatch(/[[\]`]|<[A-Za-z/!?]/);
    },
  );

  it('keeps a very long line whole', () => {
    const text = `${'x'.repeat(5000)} end`;
    expect(renderMarkdown(hostileModel(text))).toContain(`- ${text}\n`);
    expect(renderHtml(hostileModel(text))).toContain(`<li>${text}</li>`);
  });

  it('escapes a hand-made model too: the renderers trust nothing they are given', () => {
    const evil = '<script>alert(1)</script>';
    const model: SummaryModel = {
      locale: `en-US"><script>`,
      title: evil,
      period: { from: '2027-03-01', to: '2027-03-14', label: `<img src=x onerror=alert(1)>` },
      generatedOn: '2027-03-15',
      author: `${evil}\u202E\u0000`,
      sections: [
        { kind: 'talkingPoints', title: evil, empty: evil, howCounted: null, items: [] },
        {
          kind: 'notes',
          title: 'Notes',
          empty: null,
          howCounted: null,
          items: [{ date: '2027-03-02', text: `${evil}\n[x](javascript:y)` }],
        },
        {
          kind: 'stretched',
          title: '| x |',
          empty: null,
          howCounted: `${evil} [x](javascript:y) | y |`,
          checks: 1,
          top: [{ label: '<b onmouseover=alert(1)>', count: 1 }],
        },
      ],
    };
    const html = renderHtml(model);
    expectInertHtml(html);
    expect(html).not.toMatch(CONTROL);
    const markdown = renderMarkdown(model);
    expect(markdown).not.toMatch(CONTROL);
    expect(markdown.replace(/\\[\s\S]/g, '')).not.toMatch(/[[\]`]|<[A-Za-z/!?]/);
    expect(markdown).toContain('# \\<script>alert(1)\\</script>\n');
    expect(markdown).toContain(
      'How it is counted: \\<script>alert(1)\\</script> \\[x\\](javascript:y) | y |\n',
    );
    expect(html).toContain(
      '<p class="counting">How it is counted: &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y) | y |</p>',
    );
    expect(markdown).toContain(
      '- **March 2, 2027:** \\<script>alert(1)\\</script>\n  \\[x\\](javascript:y)\n',
    );
  });
});
