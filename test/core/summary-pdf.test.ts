import { parseFragment, type DefaultTreeAdapterTypes as P } from 'parse5';
import { describe, expect, it } from 'vitest';
import { pdfFooterTemplate, pdfPageOptions } from '../../src-main/core/summary-pdf';
import { plainText } from '../../src-main/core/summary-text';
import { HOSTILE } from '../helpers/hostile-text';

/** Issue #19: the PDF's footer, "One-on-one summary · 1–14 March 2027 … Page 2 of 3". */

const isElement = (node: P.ChildNode | P.DocumentFragment): node is P.Element => 'tagName' in node;

function all(node: P.Element | P.DocumentFragment): P.Element[] {
  return node.childNodes.filter(isElement).flatMap((child) => [child, ...all(child)]);
}

function textOf(node: P.ChildNode): string {
  if (node.nodeName === '#text') return (node as P.TextNode).value;
  return isElement(node) ? node.childNodes.map(textOf).join('') : '';
}

describe('the PDF footer', () => {
  it('names the document and its period, and leaves the page numbers for Chromium to fill in', () => {
    const footer = parseFragment(pdfFooterTemplate('One-on-one summary', '1–14 March 2027'));
    const elements = all(footer);
    expect(elements.map((e) => e.tagName)).toEqual(['div', 'span', 'span', 'span', 'span']);
    expect(textOf(elements[1] as P.Element)).toBe('One-on-one summary · 1–14 March 2027');
    expect(textOf(elements[2] as P.Element)).toBe('Page  of ');
    const classes = elements.map((e) => e.attrs.find((a) => a.name === 'class')?.value);
    expect(classes).toEqual([undefined, undefined, undefined, 'pageNumber', 'totalPages']);
  });

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))(
    'escapes %j in the title and period',
    (_, text) => {
      const footer = parseFragment(pdfFooterTemplate(text, text));
      // Only Keel's own five elements, whatever the text; the text reads as itself.
      expect(all(footer).map((e) => e.tagName)).toEqual(['div', 'span', 'span', 'span', 'span']);
      expect(textOf(all(footer)[1] as P.Element)).toBe(`${plainText(text)} · ${plainText(text)}`);
    },
  );

  it('turns the header and footer on, with an empty header instead of Chromium’s date and address', () => {
    expect(pdfPageOptions('One-on-one summary', '1–14 March 2027')).toEqual({
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: pdfFooterTemplate('One-on-one summary', '1–14 March 2027'),
    });
  });
});
