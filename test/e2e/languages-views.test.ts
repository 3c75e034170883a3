import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKED_ATTRIBUTES, untranslatedPieces } from '../renderer/untranslated';
import { overflowing, settled } from './layout-check';
import { callKeel, openPreviewSession, SCREENSHOTS, type PreviewSession } from './preview-server';

/**
 * Issue #20: every view in the pseudo-locale (every catalog message accented, bracketed and about
 * 35 % longer) at the minimum window size, 720×520: no text on screen or in a label that did not
 * come from the catalog, and no button or label whose text overflows its box. Then every view in
 * German at 1280×800, light and dark, for people to look at
 * (test-results/screenshots/de-<view>-<scheme>.png).
 * Monday 15 March 2027, 10:30 in Berlin: inside working hours, a block running.
 */
const TEST_CLOCK = '2027-03-15T10:30:00+01:00';

const VIEWS = ['today', 'focus', 'checkin', 'signoff', 'one-on-one', 'settings'] as const;

/** What the test typed (user data is never translated), and the product's name. */
const USER_DATA = [
  'Keel',
  'Too many meetings this week',
  'Private note',
  'Roadmap for Q2',
  'Hiring plan',
  'Review PR',
];

/** What Intl writes in the pseudo-locale's format (en-US): dates, times, numbers, units. */
const INTL_WORDS = new Set(
  [
    ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'],
    ...['September', 'October', 'November', 'December'],
    ...['AM', 'PM', 'hr', 'hrs', 'min', 'mins', 'and', 'UTC', 'GMT', 'CET', 'CEST'],
  ].flatMap((word) => [word, word.slice(0, 3)]),
);

function fromIntl(piece: string): boolean {
  return piece
    .split(/[\s,.:;–—\-/()·|%+−]+/u)
    .filter((token) => token !== '')
    .every((token) => /^\d+$/.test(token) || INTL_WORDS.has(token));
}

/** Zone ids ("Europe/Berlin") and the zone picker's offsets are data, not words. */
const ZONE = /^[A-Z][A-Za-z_]+\/[A-Za-z_/-]+$/;

/** A file's path (where Keel keeps its data) is data. */
const FILE_PATH = /^(\/|[A-Z]:\\)\S*$/;

/** Arrows and other marks with no letter or digit (a button's glyph beside its label). */
const SYMBOLS = /^[^\p{L}\p{N}]+$/u;

async function untranslatedOnPage(page: Page): Promise<string[]> {
  const { texts, attributes } = await page.evaluate((names) => {
    // The view and the sidebar (the frame's other chrome is swept with Today, issue #20).
    const roots = [document.getElementById('main'), document.querySelector('nav')];
    const texts: string[] = [];
    const attributes: string[] = [];
    for (const main of roots) {
      if (!main) continue;
      // Text marked as another language (a language's own name in a menu, a document previewed
      // in the language it will be written in) is not the window's words (inOtherLanguage).
      const otherLanguage = (element: Element | null | undefined) => {
        const marked = element?.closest('[lang]');
        return marked != null && marked.getAttribute('lang') !== 'en-XA';
      };
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('script, style, noscript') || otherLanguage(node.parentElement)
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
      for (const element of main.querySelectorAll('*')) {
        if (otherLanguage(element)) continue;
        for (const name of names) {
          const value = element.getAttribute(name);
          if (value !== null) attributes.push(value);
        }
      }
    }
    return { texts, attributes };
  }, CHECKED_ATTRIBUTES as string[]);
  return untranslatedPieces(texts, attributes, [...USER_DATA, ZONE, FILE_PATH, SYMBOLS]).filter(
    (piece) => !fromIntl(piece),
  );
}

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ name: 'languages-views', testClock: TEST_CLOCK, locale: 'en-US' });
  page = session.page;
  await callKeel(page, 'checkin:add', {
    workload: 4,
    energy: 2,
    sustainable: 'mostly',
    stretched: ['meetings'],
    note: 'Too many meetings this week',
    shareable: true,
  });
  await callKeel(page, 'checkin:add', { workload: 2, energy: 4, sustainable: 'yes', note: 'Private note' });
  await callKeel(page, 'checkin:questionnaire', { kind: 'who5', answers: [3, 3, 4, 2, 3] });
  await callKeel(page, 'talk:add', { text: 'Roadmap for Q2' });
  await callKeel(page, 'talk:add', { text: 'Hiring plan' });
  await callKeel(page, 'focus:start', { minutes: 50 });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

async function openIn(search: string): Promise<void> {
  await page.goto(`${session.preview.url}/${search}`);
  await page.locator('#main h1').first().waitFor();
}

async function showView(index: number): Promise<void> {
  await page.keyboard.press(`Control+${index + 1}`);
  await page.locator('#main h1').first().waitFor();
  await settled(page);
}

describe('the pseudo-locale at the minimum window size', () => {
  it('every view shows only catalog text (and data), and nothing overflows its box', async () => {
    await page.setViewportSize({ width: 720, height: 520 });
    await openIn('?locale=en-XA');
    const problems: string[] = [];
    for (const [i, view] of VIEWS.entries()) {
      await showView(i);
      problems.push(...(await untranslatedOnPage(page)).map((piece) => `${view}: untranslated “${piece}”`));
      problems.push(...(await overflowing(page)).map((p) => `${view}: ${p}`));
      await page.screenshot({ path: path.join(SCREENSHOTS, `xa-${view}-min.png`) });
    }
    expect(problems).toEqual([]);
  });
});

describe('German', () => {
  it('every view speaks German, light and dark, at 1280×800 (screenshots to look at)', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openIn('?locale=de&format=de-DE&hourCycle=h23');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await nav.waitFor();
    for (const [i, view] of VIEWS.entries()) {
      await showView(i);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await settled(page);
        await page.screenshot({ path: path.join(SCREENSHOTS, `de-${view}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await showView(0);
    // Today's date in German words, and a 24-hour time.
    await expect.poll(() => page.locator('#main').textContent()).toMatch(/Montag, 15\. März/);
    await expect.poll(() => page.locator('#main').textContent()).toMatch(/\b1[0-9]:[0-5][0-9]\b/);
  });
});
