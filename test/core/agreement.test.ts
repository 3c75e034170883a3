import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  agreementSchema,
  defaultAgreement,
  teamZoneLabel,
  type Agreement,
} from '../../src-main/core/agreement';
import { agreementDocument, spanIn, type AgreementData } from '../../src-main/core/agreement-document';
import { agreementMarkdown, agreementText } from '../../src-main/core/agreement-render';
import { exportLanguage } from '../../src-main/core/export-language';
import { defaultSettings } from '../../src-main/core/settings';
import { instantAt, type LocalDate } from '../../src-main/core/time';
import { describeIssues } from '../../src-main/core/validation';
import type { TimeRange, WorkingHours } from '../../src-main/core/working-hours';

/** British English: English words on a 24-hour clock (agreement-i18n.test.ts has the others). */
const GB = exportLanguage('en-GB');
const day: TimeRange = { start: '09:00', end: '17:30' };
const weekdays: WorkingHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null };

function team(...zones: (string | [string, string])[]): Agreement {
  return {
    ...defaultAgreement(),
    teamZones: zones.map((z) => (typeof z === 'string' ? { zone: z, name: '' } : { zone: z[0], name: z[1] })),
  };
}

function data(zone: string, weekOf: LocalDate, agreement: Agreement, over: Partial<AgreementData> = {}) {
  return {
    zone,
    workingHours: weekdays,
    focusPlan: [{ weekday: 'mon' as const, start: '09:00', end: '11:00' }],
    agreement,
    weekOf,
    now: instantAt(weekOf, '12:00', zone),
    ...over,
  };
}

/** Every list item of a section, as plain text. */
function items(d: AgreementData, title: string): string[] {
  const section = agreementDocument(d, GB).sections.find((s) => s.title === title);
  return (section?.blocks ?? []).flatMap((b) =>
    b.kind === 'list'
      ? b.items.map((lines) => lines.map((l) => l.map((s) => s.text).join('')).join(' '))
      : [],
  );
}

function paragraphs(d: AgreementData, title: string): string[] {
  const section = agreementDocument(d, GB).sections.find((s) => s.title === title);
  return (section?.blocks ?? []).flatMap((b) =>
    b.kind === 'paragraph' ? [b.line.map((s) => s.text).join('')] : [],
  );
}

describe('the agreement’s hours in teammates’ zones', () => {
  it('shows each day in each zone, with the day shift across midnight', () => {
    const d = data('Europe/Berlin', '2027-03-08', team('America/New_York', ['Pacific/Auckland', 'Sam']));
    expect(items(d, 'Working hours')).toEqual([
      'Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York = Mon 21:00–Tue 05:30 Sam (Auckland)',
      'Tue 09:00–17:30 Berlin = Tue 03:00–11:30 New York = Tue 21:00–Wed 05:30 Sam (Auckland)',
      'Wed 09:00–17:30 Berlin = Wed 03:00–11:30 New York = Wed 21:00–Thu 05:30 Sam (Auckland)',
      'Thu 09:00–17:30 Berlin = Thu 03:00–11:30 New York = Thu 21:00–Fri 05:30 Sam (Auckland)',
      'Fri 09:00–17:30 Berlin = Fri 03:00–11:30 New York = Fri 21:00–Sat 05:30 Sam (Auckland)',
      'Off: Saturday, Sunday',
    ]);
    expect(items(d, 'Focus blocks')).toEqual([
      'Mon 09:00–11:00 Berlin = Mon 03:00–05:00 New York = Mon 21:00–23:00 Sam (Auckland)',
    ]);
  });

  it('follows the weeks the EU and the US change clocks on different dates (March and October/November)', () => {
    const ny = team('America/New_York');
    const first = (weekOf: LocalDate) => items(data('Europe/Berlin', weekOf, ny), 'Working hours')[0];
    // Both on winter time: 6 hours apart.
    expect(first('2027-03-08')).toBe('Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York');
    // The US moved on 14 March, the EU not until 28 March: 5 hours for two weeks.
    expect(first('2027-03-15')).toBe('Mon 09:00–17:30 Berlin = Mon 04:00–12:30 New York');
    expect(first('2027-03-22')).toBe('Mon 09:00–17:30 Berlin = Mon 04:00–12:30 New York');
    expect(first('2027-03-29')).toBe('Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York');
    // The EU moved back on 31 October, the US on 7 November.
    expect(first('2027-10-25')).toBe('Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York');
    expect(first('2027-11-01')).toBe('Mon 09:00–17:30 Berlin = Mon 04:00–12:30 New York');
    expect(first('2027-11-08')).toBe('Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York');
  });

  it('says by how much a zone whose clocks change on other dates moves, and nothing for one that moves together', () => {
    const d = data(
      'Europe/Berlin',
      '2027-03-08',
      team('Europe/London', 'America/New_York', 'Pacific/Auckland'),
    );
    expect(paragraphs(d, 'Working hours')).toEqual([
      'Clocks change on different dates in Berlin and New York, so over the year the times for New York move by an hour from those shown.',
      'Clocks change on different dates in Berlin and Auckland, so over the year the times for Auckland move by up to 2 hours from those shown.',
    ]);
  });

  it('keeps half-hour zones to the minute (India, Newfoundland in winter and summer)', () => {
    const d = data('Europe/Berlin', '2027-03-08', team('Asia/Kolkata', 'America/St_Johns'));
    expect(items(d, 'Working hours')[0]).toBe(
      'Mon 09:00–17:30 Berlin = Mon 13:30–22:00 Kolkata = Mon 04:30–13:00 St Johns',
    );
    const summer = data('Europe/Berlin', '2027-07-05', team('Asia/Kolkata', 'America/St_Johns'));
    expect(items(summer, 'Working hours')[0]).toBe(
      'Mon 09:00–17:30 Berlin = Mon 12:30–21:00 Kolkata = Mon 04:30–13:00 St Johns',
    );
    const fromIndia = data('Asia/Kolkata', '2027-07-05', team('America/St_Johns'));
    expect(items(fromIndia, 'Focus blocks')).toEqual(['Mon 09:00–11:00 Kolkata = Mon 01:00–03:00 St Johns']);
  });

  it('crosses the date line both ways (Kiritimati, Auckland, Honolulu)', () => {
    const d = data('Europe/Berlin', '2027-03-08', team('Pacific/Kiritimati'));
    expect(items(d, 'Working hours')[0]).toBe('Mon 09:00–17:30 Berlin = Mon 22:00–Tue 06:30 Kiritimati');
    const fromKiritimati = data(
      'Pacific/Kiritimati',
      '2027-03-08',
      team('Pacific/Honolulu', 'Pacific/Auckland'),
    );
    expect(items(fromKiritimati, 'Working hours')[0]).toBe(
      'Mon 09:00–17:30 Kiritimati = Sun 09:00–17:30 Honolulu = Mon 08:00–16:30 Auckland',
    );
    expect(items(fromKiritimati, 'Working hours')[4]).toBe(
      'Fri 09:00–17:30 Kiritimati = Thu 09:00–17:30 Honolulu = Fri 08:00–16:30 Auckland',
    );
  });

  it('keeps night hours that run past midnight on the date they start', () => {
    const nights: WorkingHours = { ...weekdays, mon: { start: '22:00', end: '06:00' } };
    const d = data('Europe/Berlin', '2027-03-08', team('America/New_York'), {
      workingHours: nights,
      focusPlan: [],
    });
    expect(items(d, 'Working hours')[0]).toBe('Mon 22:00–Tue 06:00 Berlin = Mon 16:00–Tue 00:00 New York');
    expect(paragraphs(d, 'Focus blocks')).toEqual(['No focus blocks are planned.']);
  });

  it('shows a DST night’s hours as they are that night (a 23-hour day in the week of change)', () => {
    // 28 March 2027: Berlin skips 02:00–03:00; a Sunday shift 01:00–05:00 is three hours long.
    const sunday: WorkingHours = { ...weekdays, sun: { start: '01:00', end: '05:00' } };
    const d = data('Europe/Berlin', '2027-03-22', team('UTC'), { workingHours: sunday });
    expect(items(d, 'Working hours')[5]).toBe('Sun 01:00–05:00 Berlin = Sun 00:00–03:00 UTC');
  });

  it('leaves focus blocks on days without hours out, as Keel plans them', () => {
    const d = data('Europe/Berlin', '2027-03-08', team(), {
      focusPlan: [
        { weekday: 'sat', start: '09:00', end: '11:00' },
        { weekday: 'tue', start: '14:00', end: '16:00' },
      ],
    });
    expect(items(d, 'Focus blocks')).toEqual(['Tue 14:00–16:00 Berlin']);
  });

  it('names a teammate by their name and city, and lists a zone only once', () => {
    expect(teamZoneLabel({ zone: 'America/Los_Angeles', name: 'Ana' })).toBe('Ana (Los Angeles)');
    const d = data('Europe/Berlin', '2027-03-08', team('Europe/Berlin', ['Europe/Berlin', 'Jo']));
    expect(items(d, 'Working hours')[0]).toBe('Mon 09:00–17:30 Berlin = Mon 09:00–17:30 Jo (Berlin)');
    expect(
      spanIn(
        instantAt('2027-03-08', '09:00', 'UTC'),
        instantAt('2027-03-08', '10:00', 'UTC'),
        {
          zone: 'UTC',
          label: 'UTC',
        },
        GB,
      ),
    ).toBe('Mon 09:00–10:00 UTC');
  });
});

describe('the agreement’s norms, note and formats', () => {
  it('lists each channel’s norm, with sensible defaults, and the note as the user wrote it', () => {
    const agreement = {
      ...defaultAgreement(),
      note: 'Pair with me: https://example.com/a_b\nNo meetings on Fridays.',
    };
    const d = data('Europe/Berlin', '2027-03-08', agreement);
    expect(items(d, 'When I answer')).toEqual([
      'Chat: Within 2 hours during my working hours; after a focus block ends if I am in one.',
      'Email: By the end of my next working day.',
      'Urgent (call): Call me. Outside my working hours, only if it cannot wait until I am back.',
    ]);
    expect(paragraphs(d, 'Note')).toEqual([
      'Pair with me: https://example.com/a_b',
      'No meetings on Fridays.',
    ]);
    expect(
      agreementDocument(data('Europe/Berlin', '2027-03-08', defaultAgreement()), GB).sections.map(
        (s) => s.title,
      ),
    ).toEqual(['Working hours', 'Focus blocks', 'When I answer']);
  });

  it('writes Keel’s default norms in the document’s language while untouched, and the user’s own as typed', () => {
    const de = exportLanguage('de');
    const listed = (agreement: Agreement) => {
      const doc = agreementDocument(data('Europe/Berlin', '2027-03-08', agreement), de);
      const norms = doc.sections.find((s) => s.title === de.t('export.agreement.section.answer'));
      return (norms?.blocks ?? []).flatMap((b) =>
        b.kind === 'list'
          ? b.items.map((lines) => lines.map((l) => l.map((s) => s.text).join('')).join(' '))
          : [],
      );
    };
    expect(listed(defaultAgreement())).toEqual([
      'Chat: Innerhalb von 2 Stunden während meiner Arbeitszeit; wenn ich in einem Fokusblock bin, nach dessen Ende.',
      'E-Mail: Bis zum Ende meines nächsten Arbeitstags.',
      'Dringend (Anruf): Ruf mich an. Außerhalb meiner Arbeitszeit nur, wenn es nicht warten kann, bis ich zurück bin.',
    ]);
    const edited = { ...defaultAgreement(), norms: { ...defaultAgreement().norms, email: 'Same day.' } };
    expect(listed(edited)[1]).toBe('E-Mail: Same day.');
  });

  it('writes text for chat without Markdown, and Markdown with headings and lists', () => {
    const agreement = { ...team('America/New_York'), note: 'Pair with me: https://example.com/a_b' };
    const d = data('Europe/Berlin', '2027-03-08', agreement);
    const text = agreementText(agreementDocument(d, GB));
    expect(text).not.toContain('\\');
    expect(text).not.toMatch(/^#/m);
    expect(text).toContain('\nWorking hours\n• Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York\n');
    expect(text).toContain('\nNote\nPair with me: https://example.com/a_b\n');
    expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    const md = agreementMarkdown(agreementDocument(d, GB));
    expect(md.startsWith('# Working agreement\n\n')).toBe(true);
    expect(md).toContain('\n## Working hours\n\n- Mon 09:00–17:30 Berlin = Mon 03:00–11:30 New York\n');
    expect(md).toContain('- **Chat:** ');
  });

  it('writes hostile text as text: no tag or link forms in Markdown, and the text stays as typed in plain text', () => {
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) # not a heading';
    const agreement = {
      ...defaultAgreement(),
      note: hostile,
      norms: { ...defaultAgreement().norms, chat: '**soon**' },
    };
    const d = data('Europe/Berlin', '2027-03-08', agreement);
    const md = agreementMarkdown(agreementDocument(d, GB));
    // Read by a CommonMark renderer that lets raw HTML through: nothing but text forms.
    const html = new MarkdownIt({ html: true, linkify: true }).render(md);
    expect(html).not.toMatch(/<script|<a |<strong>soon|<h1>not/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) # not a heading');
    expect(html).toContain('<strong>Chat:</strong> **soon**');
    expect(agreementText(agreementDocument(d, GB))).toContain(`\nNote\n${hostile}\n`);
  });
});

describe('agreementSchema', () => {
  const parse = (value: unknown) => agreementSchema.safeParse(value);
  it('spells zones as the tz database does and cleans the words', () => {
    const parsed = agreementSchema.parse({
      ...defaultAgreement(),
      teamZones: [{ zone: 'america/new_york', name: '  Sam\u202e ' }],
      note: '  hello\r\nthere  ',
    });
    expect(parsed.teamZones).toEqual([{ zone: 'America/New_York', name: 'Sam' }]);
    expect(parsed.note).toBe('hello\nthere');
  });

  it('refuses an unknown zone, a zone twice, an empty norm and too many zones, each in one sentence', () => {
    const base = defaultAgreement();
    const say = (value: unknown) => {
      const result = parse(value);
      return result.success ? 'accepted' : describeIssues(result.error);
    };
    expect(say({ ...base, teamZones: [{ zone: 'Berlin', name: '' }] })).toBe(
      'teamZones.0.zone: That is not a time zone Keel knows; did you mean Europe/Berlin?',
    );
    expect(
      say({
        ...base,
        teamZones: [
          { zone: 'Asia/Tokyo', name: '' },
          { zone: 'asia/tokyo', name: '' },
        ],
      }),
    ).toBe('teamZones.1.zone: That zone is in the list already.');
    expect(say({ ...base, norms: { ...base.norms, email: '   ' } })).toBe(
      'norms.email: Write how soon you answer email.',
    );
    const many = Array.from({ length: 9 }, (_, i) => ({ zone: 'UTC', name: `T${i}` }));
    expect(say({ ...base, teamZones: many })).toBe('teamZones: Add at most 8 zones.');
  });

  it('is a Keel setting with its defaults', () => {
    expect(defaultSettings('UTC').agreement).toEqual(defaultAgreement());
  });
});
