import fs from 'node:fs';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt } from '../../src-main/core/time';
import { dispatch } from '../../src-main/ipc/dispatch';
import { createHandlers } from '../../src-main/ipc/handlers';
import { makeServices } from '../helpers/services';
import { tempDir } from '../helpers/temp';
import {
  openPreviewSession,
  recorded,
  screenshotBoth,
  testPost,
  type PreviewSession,
  exportedFile,
  saveSummaryAs,
} from './preview-server';

/**
 * Issue #9, item 9: text the user typed that looks like HTML, script, Markdown links or carries
 * control characters is shown as text in every view and escaped in every export.
 */

const zone = 'Europe/Berlin';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const LINK = '[click](javascript:window.__pwned=1)';
const MARKUP = '**bold** <b>b</b>';
const ENTITY = '&lt;escaped&gt;';
/** BEL, an ANSI colour escape and a right-to-left override. */
const CONTROL = 'bell\u0007 esc\u001b[31m red \u202eRTL';
/** What the exports keep of CONTROL: the control and bidi characters removed. */
const CONTROL_CLEANED = 'bell esc[31m red RTL';
const CONTROL_CHARACTERS = ['\u0007', '\u001b', '\u202e'];
/** What Keel stores of typed text: the control and bidi characters removed at the door (#16). */
const stored = (text: string) => text.replaceAll(CONTROL, CONTROL_CLEANED);
const LONG = `Unbroken${'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.repeat(5)}`;
const PIECES = [IMG, SCRIPT, LINK, MARKUP, ENTITY, CONTROL];
/** Every piece on one line (fits the 200-character one-line answers). */
const LINE = PIECES.join(' ');
/** Every piece and the long string, one per line. */
const NOTE = [...PIECES, LONG].join('\n');
const POINT = `${LINE} ${LONG}`;
/** The "where I left off" line (at most 280 characters, one line). */
const CUE = `${IMG} ${CONTROL} ${LONG}`;
/** Custom tags as typed; only letters, digits, spaces and hyphens survive as a tag. */
const HOSTILE_TAG = '<img src=x onerror=alert(1)>';
const TAGS_TYPED = ['img src x onerror', 'Script', 'W'.repeat(32)];
const TAG_LABELS = ['Img src x onerror', 'Script', `W${'w'.repeat(31)}`];

let session: PreviewSession;
let page: Page;
const problems: string[] = [];
let refusedTagMessage = '';

function ok(result: Awaited<ReturnType<typeof dispatch>>, what: string): unknown {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
}

/** Yesterday (Monday 15 March 2027), through the real door: settings, a focus block, a check-in, a sign-off. */
async function seedThroughServices(dataDir: string): Promise<void> {
  const { services, clock } = makeServices(instantAt('2027-03-15', '09:00', zone), zone, { dataDir });
  const handlers = createHandlers(services);
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  try {
    ok(await call('settings:set', { key: 'focusPlan', value: [] }), 'focus plan');
    const checkins = (customTags: string[]) => ({
      key: 'checkins',
      value: { cadence: null, customTags, burnout: false, who5: false },
    });
    const refused = await call('settings:set', checkins([HOSTILE_TAG]));
    if (refused.ok) throw new Error('a tag with < > = ( ) was accepted');
    refusedTagMessage = refused.error.message;
    ok(await call('settings:set', checkins(TAGS_TYPED)), 'custom tags');
    ok(await call('talk:add', { text: POINT }), 'talking point');
    ok(await call('focus:start', { minutes: 25 }), 'focus start');
    clock.advanceTo(instantAt('2027-03-15', '09:10', zone));
    ok(await call('focus:interrupt', { kind: 'chat', note: LINE }), 'interruption');
    ok(await call('focus:leaveOff', { text: CUE }), 'left off');
    ok(await call('focus:stop', {}), 'focus stop');
    clock.advanceTo(instantAt('2027-03-15', '17:40', zone));
    ok(
      await call('checkin:add', {
        workload: 4,
        energy: 2,
        sustainable: 'mostly',
        stretched: ['meetings', ...TAGS_TYPED],
        note: NOTE,
        shareable: true,
      }),
      'check-in',
    );
    clock.advanceTo(instantAt('2027-03-15', '17:45', zone));
    ok(
      await call('signoff:submit', {
        done: NOTE,
        unfinished: [
          { item: LINE, plan: LINE },
          { item: LONG, plan: `${SCRIPT} ${LINK}` },
        ],
        firstTomorrow: LINE,
        energy: 3,
      }),
      'sign-off',
    );
  } finally {
    services.close();
  }
}

beforeAll(async () => {
  expect(LINE.length).toBeLessThanOrEqual(200);
  expect(CUE.length).toBeLessThanOrEqual(280);
  expect(LONG.length).toBeLessThanOrEqual(200);
  // Seeded apart and copied in: the services answer asynchronously, the session's seed is synchronous.
  const dataDir = tempDir('keel-e2e-hostile-seed-');
  await seedThroughServices(dataDir);
  session = await openPreviewSession({
    name: 'hostile',
    // Tuesday 16 March, 10:00 in Berlin: the morning after the hostile sign-off.
    testClock: '2027-03-16T10:00:00+01:00',
    seed: (dir) => fs.cpSync(dataDir, dir, { recursive: true }),
  });
  ({ page } = session);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // Before the app's own scripts: count CSP violations (an injected handler or script would cause one).
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

async function open(label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** Nothing the user wrote became markup or ran: the page holds only what the app renders. */
async function expectInert(target: Page | Frame, where: string, origin: string): Promise<void> {
  const found = await target.evaluate((own) => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      violations: (window as unknown as { __violations?: string[] }).__violations ?? [],
      imgX: document.querySelectorAll('img[src="x"]').length,
      bold: document.querySelectorAll('b').length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
      foreignScripts: [...document.scripts]
        .filter((s) => !s.src.startsWith(own) || s.textContent?.includes('__pwned'))
        .map((s) => s.src || `inline: ${s.textContent?.slice(0, 60)}`),
      handlers: all
        .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')))
        .map((el) => el.outerHTML.slice(0, 80)),
    };
  }, origin);
  expect(found, where).toEqual({
    pwned: undefined,
    violations: [],
    imgX: 0,
    bold: 0,
    jsLinks: 0,
    foreignScripts: [],
    handlers: [],
  });
}

/** The main region's text: every piece as stored (typed, less the control and bidi characters). */
async function expectShownLiterally(pieces: string[], where: string): Promise<string> {
  const main = page.getByRole('main');
  await expect.poll(async () => (await main.textContent()) ?? '').toContain(stored(pieces[0] ?? ''));
  const text = (await main.textContent()) ?? '';
  for (const piece of pieces.map(stored)) expect(text, `${where}: ${JSON.stringify(piece)}`).toContain(piece);
  return text;
}

/** What the layout made of the long string and the bidi override, by view (checked at the end). */
const layout: Record<string, { overflow: string[]; bidiLeaks: string[] }> = {};

/**
 * In the current view: the elements holding the long string whose box runs past their card's
 * right edge, and the elements holding the right-to-left override that do not isolate it, so it
 * reverses the text after them on the same line (another field's text).
 */
async function recordLayout(view: string): Promise<void> {
  layout[view] = await page.evaluate(
    ({ long, rlo }) => {
      // Elements whose own text (not a descendant's) holds `part`.
      const holding = (part: string) =>
        [...document.querySelectorAll('main *')].filter(
          (el): el is HTMLElement =>
            el instanceof HTMLElement &&
            [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(part)),
        );
      const name = (el: HTMLElement) => el.className || el.tagName.toLowerCase();
      const overflow = holding(long)
        .filter((el) => {
          const card = el.closest('.card') ?? document.querySelector('main');
          if (card === null) return false;
          // An inline box grows past the card; a block keeps its width and its text spills out.
          const past = el.getBoundingClientRect().right > card.getBoundingClientRect().right + 1;
          return past || el.scrollWidth > el.clientWidth + 1;
        })
        .map(name);
      if (document.documentElement.scrollWidth > window.innerWidth)
        overflow.push('the page scrolls sideways');
      const bidiLeaks = holding(rlo)
        .filter((el) => el.closest('[aria-hidden="true"]') === null)
        .filter((el) => !/isolate|plaintext/.test(getComputedStyle(el).unicodeBidi) && el.tagName !== 'BDI')
        .filter((el) => (el.nextSibling?.textContent ?? '').trim() !== '')
        .map(name);
      return { overflow, bidiLeaks };
    },
    { long: LONG, rlo: '\u202e' },
  );
}

const exported = (ext: string): string => exportedFile(session.dataDir, ext);

type Node = DefaultTreeAdapterMap['node'];

/** Element names, attributes and text (outside <style>) of an HTML document, as a browser parses it. */
function parsedHtml(html: string): { elements: Set<string>; attributes: string[]; text: string } {
  const elements = new Set<string>();
  const attributes: string[] = [];
  let text = '';
  const walk = (node: Node, inStyle: boolean) => {
    if ('tagName' in node) {
      elements.add(node.tagName);
      for (const a of node.attrs) attributes.push(`${a.name}=${a.value}`);
    }
    if (node.nodeName === '#text' && !inStyle) text += (node as { value: string }).value;
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child, inStyle || node.nodeName === 'style');
  };
  walk(parse(html), false);
  return { elements, attributes, text };
}

/** The HTML export and preview: entity-escaped, so a browser reads text, never markup. */
function expectEscapedHtml(html: string): void {
  expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
  expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
  expect(html).toContain('&amp;lt;escaped&amp;gt;');
  for (const c of CONTROL_CHARACTERS) expect(html).not.toContain(c);
  const { elements, attributes, text } = parsedHtml(html);
  for (const tag of ['img', 'script', 'a', 'b', 'iframe', 'object', 'embed', 'form', 'input']) {
    expect(elements.has(tag), `<${tag}> in the HTML`).toBe(false);
  }
  expect(attributes.filter((a) => /^on/i.test(a) || /javascript:/i.test(a))).toEqual([]);
  for (const piece of [IMG, SCRIPT, LINK, MARKUP, ENTITY, CONTROL_CLEANED, LONG])
    expect(text).toContain(piece);
}

/** Where the user's text could form Markdown syntax, a backslash stops it (and nowhere else). */
const MD_ESCAPED = [
  '\\<img src=x onerror="window.\\_\\_pwned=1">',
  '\\<script>window.\\_\\_pwned=1\\</script>',
  '\\[click\\](javascript:window.\\_\\_pwned=1)',
  '\\*\\*bold\\*\\* \\<b>b\\</b>',
  '\\&lt;escaped\\&gt;',
  'bell esc\\[31m red RTL',
];

function expectEscapedMarkdown(markdown: string): void {
  for (const escaped of MD_ESCAPED) expect(markdown).toContain(escaped);
  expect(markdown).toContain(LONG);
  // Not one unescaped opener of a tag, link or entity anywhere in the document.
  expect(markdown).not.toMatch(/(?<!\\)<[A-Za-z/!?]|(?<!\\)\]\(|(?<!\\)&#?[A-Za-z0-9]+;/);
  for (const c of CONTROL_CHARACTERS) expect(markdown).not.toContain(c);
}

describe('hostile text in the window and the exports', () => {
  it('custom tags keep only letters, digits and hyphens: a tag with markup is refused, with a sentence', () => {
    expect(refusedTagMessage).toBe(
      'checkins.customTags: The tag "<img src=x onerror=alert(1)>" can only use letters, digits, spaces and hyphens.',
    );
  });

  it('Today: the first thing and the unfinished things from yesterday, as text', async () => {
    const origin = new URL(session.preview.url).origin;
    await open('Today');
    await page.getByText('First thing today').waitFor();
    await page.locator('.first-thing__details').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await expectShownLiterally([...PIECES, LONG], 'Today');
    await expectInert(page, 'Today', origin);
    await recordLayout('Today');
  });

  it('Check-ins: the note and the custom tags in the history, as text (screenshot)', async () => {
    const origin = new URL(session.preview.url).origin;
    await open('Check-ins');
    const history = page.locator('.history__item').first();
    await history.waitFor();
    const note = (await history.locator('.history__note-text').textContent()) ?? '';
    expect(note).toBe(stored(NOTE));
    const tags = await history.locator('.history__tag').allTextContents();
    expect(tags).toEqual(['Meetings', ...TAG_LABELS]);
    await expectShownLiterally([...PIECES, LONG], 'Check-ins');
    await expectInert(page, 'Check-ins', origin);
    await recordLayout('Check-ins');
    await page.setViewportSize({ width: 1180, height: 2500 });
    await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTo?.(0, 0)));
    await screenshotBoth(page, 'hostile-checks');
    await page.setViewportSize({ width: 1180, height: 760 });
  });

  it('One-on-one: talking point, note and tags as text; the Markdown preview is escaped', async () => {
    const origin = new URL(session.preview.url).origin;
    await open('One-on-one');
    await page.getByRole('checkbox', { name: 'Notes', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Where I feel stretched', exact: true }).check();
    await page.getByRole('checkbox', { name: /^Mon 15 Mar/ }).check();
    const preview = page.getByLabel('Summary as Markdown');
    // The preview built with the ticked note (main answers after the tick, not with it).
    await expect.poll(async () => (await preview.textContent()) ?? '').not.toContain('No notes were ticked');
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain('Where I feel stretched');
    await expect.poll(async () => (await preview.textContent()) ?? '').toContain(MD_ESCAPED[0]);
    await expectShownLiterally([...PIECES, LONG, ...TAG_LABELS], 'One-on-one');
    const markdown = (await preview.textContent()) ?? '';
    expectEscapedMarkdown(markdown);
    for (const label of TAG_LABELS) expect(markdown).toContain(label);
    await expectInert(page, 'One-on-one (Markdown)', origin);
    await recordLayout('One-on-one');
  });

  it('One-on-one exports: Markdown escaped as shown, HTML entity-escaped and inert in a browser', async () => {
    const shown = (await page.getByLabel('Summary as Markdown').textContent()) ?? '';
    await saveSummaryAs(page, 'Markdown');
    const markdown = exported('.md');
    expect(markdown).toBe(shown);
    expectEscapedMarkdown(markdown);

    await saveSummaryAs(page, 'HTML');
    const html = exported('.html');
    expectEscapedHtml(html);

    // The file as a browser opens it: nothing injected, nothing run.
    const doc = await session.context.newPage();
    await doc.setContent(html);
    await expectInert(doc, 'the HTML export', 'about:');
    const body = (await doc.locator('body').textContent()) ?? '';
    for (const piece of [IMG, SCRIPT, LINK, MARKUP, ENTITY, CONTROL_CLEANED, LONG])
      expect(body).toContain(piece);
    await doc.close();
  });

  it('One-on-one: the HTML preview (a sandboxed frame) and its source show the same escaped document', async () => {
    const origin = new URL(session.preview.url).origin;
    // The summary's own preview: the weekly update's, on the same page, has a format choice too.
    await page
      .getByRole('region', { name: 'Preview', exact: true })
      .getByRole('radio', { name: 'HTML' })
      .check();
    const frameElement = page.locator('iframe[title="Summary as HTML"]');
    await frameElement.waitFor();
    const source = page.getByLabel('Summary as HTML source');
    await expect.poll(async () => (await source.textContent()) ?? '').toContain('&lt;img src=x');
    const html = (await source.textContent()) ?? '';
    expectEscapedHtml(html);
    expect(html).toBe(exported('.html'));
    const frame = await (await frameElement.elementHandle())?.contentFrame();
    if (!frame) throw new Error('no preview frame');
    await expect.poll(async () => (await frame.locator('body').textContent()) ?? '').toContain(IMG);
    for (const tag of ['img', 'script', 'a', 'b']) expect(await frame.locator(tag).count(), tag).toBe(0);
    await expectInert(page, 'One-on-one (HTML)', origin);
  });

  it('Focus: the "where you left off" cue is shown as text when the next block starts', async () => {
    const origin = new URL(session.preview.url).origin;
    const started = await page.evaluate(async () => {
      const keel = (window as unknown as { keel: { focus: { start(i: unknown): Promise<{ ok: boolean }> } } })
        .keel;
      return keel.focus.start({ minutes: 25 });
    });
    expect(started.ok).toBe(true);
    await open('Focus');
    const cue = page.locator('.now__left-off');
    await cue.waitFor();
    expect(await cue.textContent()).toBe(`Where you left off: ${stored(CUE)}`);
    await expectShownLiterally([IMG, CONTROL, LONG], 'Focus');
    await expectInert(page, 'Focus', origin);
    await recordLayout('Focus');
    // The notification that the block started carries the cue as typed (see the report on markup).
    const bodies = (await recorded(session.preview)).notifications.map((n) => n.body);
    expect(bodies).toContain(`Where you left off: ${stored(CUE)}`);
    await page.evaluate(async () => {
      const keel = (window as unknown as { keel: { focus: { stop(i: unknown): Promise<unknown> } } }).keel;
      await keel.focus.stop({});
    });
  });

  it('Sign-off: today’s answers, saved through the window’s API, shown as text', async () => {
    const origin = new URL(session.preview.url).origin;
    await testPost(session.preview, 'clock', { advanceTo: '2027-03-16T17:40:00+01:00' });
    const result = await page.evaluate(
      async (input) => {
        const keel = (
          window as unknown as { keel: { signoff: { submit(i: unknown): Promise<{ ok: boolean }> } } }
        ).keel;
        return keel.signoff.submit(input);
      },
      { done: NOTE, unfinished: [{ item: LINE, plan: LONG }], firstTomorrow: LONG, energy: 2 },
    );
    expect(result.ok).toBe(true);
    await open('Sign-off');
    const card = page.locator('.signed-off');
    await card.waitFor();
    expect(await card.locator('.signed-off__text').textContent()).toBe(stored(NOTE));
    expect(await card.locator('.signed-off__item').textContent()).toBe(stored(LINE));
    await expectShownLiterally([...PIECES, LONG], 'Sign-off');
    await expectInert(page, 'Sign-off', origin);
    await recordLayout('Sign-off');
    // Editing puts the same text back into the fields, as values.
    await page.getByRole('button', { name: 'Edit today’s sign-off' }).click();
    await expect.poll(() => page.getByLabel('What got done today').inputValue()).toBe(stored(NOTE));
    expect(await page.getByLabel('First thing tomorrow').inputValue()).toBe(LONG);
    await expectInert(page, 'Sign-off (editing)', origin);
  });

  it('Settings: the custom tags as text; and no errors or CSP violations anywhere', async () => {
    const origin = new URL(session.preview.url).origin;
    await open('Settings');
    await expectShownLiterally(TAG_LABELS, 'Settings');
    await expectInert(page, 'Settings', origin);
    expect(problems).toEqual([]);
  });

  it('layout: the long string stays in its card, and an override reverses only its own field', () => {
    expect(layout).toEqual({
      Today: { overflow: [], bidiLeaks: [] },
      'Check-ins': { overflow: [], bidiLeaks: [] },
      'One-on-one': { overflow: [], bidiLeaks: [] },
      Focus: { overflow: [], bidiLeaks: [] },
      'Sign-off': { overflow: [], bidiLeaks: [] },
    });
  });
});
