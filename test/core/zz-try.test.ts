import { it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
it('x', () => {
  const md = new MarkdownIt({ linkify: true });
  for (const e of ['xhttps://x.io/a_(b)', 'x:https://x.io/a_b', '\\*https://x.io/(p)_q']) {
    console.log(JSON.stringify(e));
    console.log(' mdit:', md.render(`- ${e}\n`).trim());
    console.log(' marked:', (marked.parse(`- ${e}\n`, { async: false }) as string).trim());
  }
});
