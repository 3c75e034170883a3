import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Checkin } from '../../src-main/core/checkin';
import { RuleBook, type RulesView } from '../../src-main/core/rules';
import { defaultSettings } from '../../src-main/core/settings';
import { addLocalDays, instantAt, type LocalDate } from '../../src-main/core/time';
import {
  draftWeeklyUpdate,
  updateEditsSchema,
  weeklyUpdateModel,
  UPDATE_MAX_LINES,
  type UpdateSignoff,
  type WeeklyUpdateInput,
} from '../../src-main/core/weekly-update';
import { updateHtml, updateMarkdown, updateText } from '../../src-main/core/weekly-update-document';
import { figuresOver, ranSession } from '../helpers/figures';
import { propertyRuns } from '../support/thorough';

const zone = 'Europe/Berlin';
/** 2027-03-01 is a Monday. */
const MON = '2027-03-01';
const SUN = '2027-03-07';
const day = (i: number): LocalDate => addLocalDays(MON, i);

function signoff(i: number, over: Partial<UpdateSignoff> = {}): UpdateSignoff {
  return {
    date: day(i),
    signedOffAt: instantAt(day(i), '17:30', zone),
    done: '',
    unfinished: [],
    firstTomorrow: null,
    ...over,
  };
}

const todo = (item: string, plan = '10:00, after stand-up') => ({ item, plan });

function input(over: Partial<WeeklyUpdateInput> = {}): WeeklyUpdateInput {
  return {
    from: MON,
    to: SUN,
    zone,
    generatedAt: instantAt(day(4), '18:00', zone),
    signoffs: [],
    days: [],
    hasFocusData: false,
    checks: [],
    ...over,
  };
}

function check(i: number, workload: 1 | 2 | 3 | 4 | 5, energy: 1 | 2 | 3 | 4 | 5): Checkin {
  return {
    id: `c${i}`,
    at: instantAt(day(i), '11:00', zone),
    localDate: day(i),
    zone,
    workload,
    energy,
    sustainable: 'yes',
    stretched: [],
    note: null,
    shareable: false,
  };
}

const draft = (over: Partial<WeeklyUpdateInput> = {}) => draftWeeklyUpdate(input(over));

describe('draftWeeklyUpdate: shipped, next, blockers from the sign-offs', () => {
  it('drafts an ordinary week: done lines shipped, the last sign-off’s open things next', () => {
    const d = draft({
      signoffs: [
        signoff(0, { done: 'Merged the login fix\n- Reviewed #412', unfinished: [todo('Billing export')] }),
        signoff(1, { done: '* Wrote the migration', unfinished: [todo('Billing export')] }),
        signoff(4, {
          done: '1. Shipped billing export',
          unfinished: [todo('Release notes')],
          firstTomorrow: 'Plan Q2 with Sam',
        }),
      ],
    });
    expect(d.lines).toEqual({
      shipped: ['Merged the login fix', 'Reviewed #412', 'Wrote the migration', 'Shipped billing export'],
      next: ['Plan Q2 with Sam', 'Release notes'],
      blockers: [],
    });
    expect(d.signoffCount).toBe(3);
    expect(d.lastSignoff).toBe(day(4));
  });

  it('says an empty week plainly, with nothing drafted', () => {
    const d = draft();
    expect(d.lines).toEqual({ shipped: [], next: [], blockers: [] });
    const model = weeklyUpdateModel(d, null);
    expect(model.howDrafted).toBe(
      'Keel found no sign-off in this period, so there was nothing to draft from.',
    );
    expect(updateText(model)).toBe(
      [
        'Weekly update',
        'Period: March 1 – 7, 2027 · Prepared on March 5, 2027',
        '',
        'Shipped',
        'Nothing listed.',
        '',
        'Next',
        'Nothing listed.',
        '',
        'Blockers',
        'No blockers.',
        '',
        'How this was drafted',
        'Keel found no sign-off in this period, so there was nothing to draft from.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out workdays that were not signed off, and sign-offs outside the period', () => {
    const d = draft({
      signoffs: [
        signoff(-1, { done: 'Last week’s work' }),
        { ...signoff(2, { done: 'Presence only' }), signedOffAt: null },
        signoff(3, { done: 'This week’s work' }),
        signoff(7, { done: 'Next week’s work' }),
      ],
    });
    expect(d.lines.shipped).toEqual(['This week’s work']);
    expect(d.signoffCount).toBe(1);
  });

  it('keeps a line repeated across days once, where it first appeared (case and spacing aside)', () => {
    const d = draft({
      signoffs: [
        signoff(0, { done: 'Pairing with Ana', unfinished: [todo('Flaky test')] }),
        signoff(1, { done: 'pairing  with ana.\nCode review', unfinished: [todo('flaky test')] }),
        signoff(2, { done: 'Code review', unfinished: [todo('Flaky test'), todo('Docs'), todo('docs')] }),
      ],
    });
    expect(d.lines.shipped).toEqual(['Pairing with Ana', 'Code review']);
    // Three sign-offs in a row with the flaky test open: a blocker, and not repeated under Next.
    expect(d.lines.blockers).toEqual(['Flaky test']);
    expect(d.lines.next).toEqual(['Docs']);
  });

  it('counts an unfinished thing as a blocker only when still open at the last sign-off', () => {
    const d = draft({
      signoffs: [
        signoff(0, { unfinished: [todo('Vendor API'), todo('Waiting on security review')] }),
        signoff(1, { unfinished: [todo('Vendor API')] }),
        signoff(2, { unfinished: [todo('Vendor API')] }),
        signoff(3, { done: 'Vendor API done', unfinished: [] }),
      ],
    });
    expect(d.lines.blockers).toEqual([]);
    expect(d.lines.next).toEqual([]);
  });

  it('takes the user’s words as marking a blocker: blocked, blocker, stuck, waiting on/for, in the thing or its plan', () => {
    const d = draft({
      signoffs: [
        signoff(4, {
          unfinished: [
            todo('Deploy to staging', 'blocked by the infra freeze'),
            todo('Waiting for design sign-off'),
            todo('Stuck on the flaky e2e'),
            todo('Refactor the focus block timer'),
            todo('Unblock the team', 'talk to Sam'),
          ],
        }),
      ],
    });
    expect(d.lines.blockers).toEqual([
      'Deploy to staging',
      'Waiting for design sign-off',
      'Stuck on the flaky e2e',
    ]);
    expect(d.lines.next).toEqual(['Refactor the focus block timer', 'Unblock the team']);
  });

  it('drafts a holiday week as an empty one, with no focus planned', () => {
    const settings = { ...defaultSettings(zone), holidays: [{ from: MON, to: SUN, note: 'Holiday' }] };
    const days = figuresOver({ rules: settings, from: MON, to: SUN, today: addLocalDays(SUN, 1) });
    const d = draft({ days, hasFocusData: true });
    expect(d.lines).toEqual({ shipped: [], next: [], blockers: [] });
    expect(d.focusLine).toBe('Focus time: 0 min protected, nothing planned.');
  });

  it('reads a week that spans a zone change by each sign-off’s own date', () => {
    // Berlin until Wednesday, then New York: Thursday's sign-off is the week's last, though its
    // instant in UTC is not far from Wednesday's.
    const signoffs = [
      { ...signoff(2, { done: 'Berlin work', unfinished: [todo('Handover')] }) },
      {
        ...signoff(3, { done: 'New York work', unfinished: [todo('Onboarding')] }),
        signedOffAt: instantAt(day(3), '09:00', 'America/New_York'),
      },
    ];
    const d = draft({ signoffs: [...signoffs].reverse() });
    expect(d.lines.shipped).toEqual(['Berlin work', 'New York work']);
    expect(d.lines.next).toEqual(['Onboarding']);
    const book = new RuleBook(defaultSettings(zone), [
      { key: 'zone', from: day(3), value: 'America/New_York' },
    ]);
    const rules: RulesView = { current: book.on(SUN), on: (d) => book.on(d) };
    const days = figuresOver({ rules, from: MON, to: SUN, today: addLocalDays(SUN, 1) });
    // Five working days of the default plan (4 h each) whichever zone they were in.
    expect(draft({ signoffs, days, hasFocusData: true }).focusLine).toBe(
      'Focus time: 0 min protected · 20 hr planned.',
    );
  });

  it('counts protected time apart from planned: a block started on the spot is never planned', () => {
    const settings = { ...defaultSettings(zone), focusPlan: [] };
    const sessions = [ranSession(day(1), '13:00', 90, zone)];
    const days = figuresOver({ rules: settings, from: MON, to: SUN, today: addLocalDays(SUN, 1), sessions });
    expect(draft({ days, hasFocusData: true }).focusLine).toBe(
      'Focus time: 1 hr, 30 min protected, nothing planned.',
    );
    expect(draft({ days, hasFocusData: false }).focusLine).toBe('Focus time: no focus data for this period.');
  });

  it('words the mood as the summary does, and says when there were no check-ins', () => {
    expect(draft({ checks: [check(0, 4, 2), check(2, 3, 3)] }).moodLine).toBe(
      'Mood: workload averaged 3.5 (1 far too light, 5 unsustainable), energy averaged 2.5 (1 drained, 5 full of energy), over 2 check-ins.',
    );
    expect(draft({ checks: [check(9, 4, 2)] }).moodLine).toBe('Mood: no check-ins in this period.');
  });

  it('holds at most UPDATE_MAX_LINES lines a section, and says so', () => {
    const done = Array.from({ length: UPDATE_MAX_LINES + 5 }, (_, i) => `Task ${i}`).join('\n');
    const d = draft({ signoffs: [signoff(0, { done })] });
    expect(d.lines.shipped).toHaveLength(UPDATE_MAX_LINES);
    expect(weeklyUpdateModel(d, null).howDrafted).toContain(`at most ${UPDATE_MAX_LINES} lines`);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => draft({ from: SUN, to: MON })).toThrow(RangeError);
  });
});

describe('weeklyUpdateModel: the user’s edits', () => {
  const base = () =>
    draft({
      signoffs: [signoff(0, { done: 'A\nB', unfinished: [todo('C')] })],
      checks: [check(0, 3, 4)],
    });

  it('takes the edited lines whole, in the user’s order, and says it was edited', () => {
    const edits = updateEditsSchema.parse({
      shipped: ['B', 'A', '  '],
      next: ['C', 'D'],
      blockers: [],
      focus: false,
      mood: true,
    });
    expect(edits.shipped).toEqual(['B', 'A']);
    const model = weeklyUpdateModel(base(), edits);
    expect(model.lines).toEqual({ shipped: ['B', 'A'], next: ['C', 'D'], blockers: [] });
    expect(model.mood).toMatch(/^Mood: workload averaged 3\.0/);
    expect(model.focus).toBeNull();
    expect(model.edited).toBe(true);
    expect(model.howDrafted).toMatch(/Edited by hand before sharing\.$/);
  });

  it('is not "edited" when only the optional lines were switched on', () => {
    const d = base();
    const model = weeklyUpdateModel(d, { ...d.lines, focus: true, mood: false });
    expect(model.edited).toBe(false);
    expect(model.focus).toBe('Focus time: no focus data for this period.');
    expect(model.howDrafted).toContain('protected is how long focus blocks ran');
  });

  it('refuses edits it cannot keep, in one sentence naming the section', () => {
    const tooMany = Array.from({ length: UPDATE_MAX_LINES + 1 }, () => 'x');
    const result = updateEditsSchema.safeParse({
      shipped: tooMany,
      next: [],
      blockers: [],
      focus: false,
      mood: false,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`List at most ${UPDATE_MAX_LINES} lines under Shipped.`);
    expect(
      updateEditsSchema.safeParse({ shipped: [], next: [], blockers: [], focus: 'yes', mood: false }).error
        ?.issues[0]?.message,
    ).toBe('Use true or false for including focus time.');
  });
});

describe('rendering: hostile text stays text in every format', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '[click](javascript:alert(1))',
    '# not a heading',
    '**bold** _em_ `code` | a | b |',
    'Trojan \u202Esource\u202C and \u001b[31mred\u001b[0m',
    '&amp; &lt;',
  ];
  const model = weeklyUpdateModel(
    draft({
      signoffs: [
        signoff(0, { done: hostile.join('\n'), unfinished: [todo('<img src=x onerror=alert(1)>')] }),
      ],
    }),
    null,
  );

  it('escapes user lines in Markdown so no tag, link or heading forms', () => {
    const md = updateMarkdown(model);
    // Read by a CommonMark renderer that lets raw HTML through: nothing but text forms.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(html).not.toMatch(/<script|<img|<a |<h1>not|<strong>|<em>|<code>/);
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(md).not.toMatch(/^# not/m);
  });

  it('writes plain text without escapes, control or bidi characters', () => {
    const text = updateText(model);
    expect(text).toContain('• <script>alert(1)</script>');
    expect(text).toContain('• [click](javascript:alert(1))');
    // eslint-disable-next-line no-control-regex -- no control character may reach the text
    expect(text).not.toMatch(/[\u001b\u202e\u202c\\]/u);
  });

  it('entity-escapes everything in HTML and allows no scripts', () => {
    const html = updateHtml(model);
    expect(html).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html).toContain('<li>&lt;img src=x onerror=alert(1)&gt;</li>');
    expect(html).toContain('<li>&amp;amp; &amp;lt;</li>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("default-src 'none'");
  });

  it('never lets a drafted or edited line escape its list item (any text, every format)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 4 }), (typed) => {
        const m = weeklyUpdateModel(draft(), {
          shipped: typed,
          next: [],
          blockers: [],
          focus: false,
          mood: false,
        });
        const md = updateMarkdown(m);
        const text = updateText(m);
        const html = updateHtml(m);
        // Each line stays one list item: as many bullets as lines with any text.
        const items = m.lines.shipped.length;
        expect(md.split('\n## Next')[0]?.match(/^- /gm)?.length ?? 0).toBe(items);
        expect(text.split('\nNext\n')[0]?.match(/^• /gm)?.length ?? 0).toBe(items);
        expect(html.match(/<li>/g)?.length ?? 0).toBe(items);
        expect(html).not.toMatch(
          /<(?!\/?(?:html|head|meta|title|style|body|main|h1|h2|p|section|ul|li)\b)[a-z]/i,
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
