import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../src/builtin/Markdown';
import { parseInline, parseMarkdown, safeHref } from '../src/builtin/markdown';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown of model answers', () => {
  it('renders paragraphs, headings, lists, quotes, code and emphasis', () => {
    expect(html('## Ergebnis\n\nDas ist **wichtig** und *neu*, siehe `x_y`.\n\n- eins\n- zwei\n\n1. a\n2. b\n\n> Zitat\n\n```\ncode <b>\n```')).toBe(
      '<div class="md"><h4>Ergebnis</h4><p>Das ist <strong>wichtig</strong> und <em>neu</em>, siehe <code>x_y</code>.</p>' +
        '<ul><li>eins</li><li>zwei</li></ul><ol><li>a</li><li>b</li></ol><blockquote><p>Zitat</p></blockquote>' +
        '<pre><code>code &lt;b&gt;</code></pre></div>',
    );
  });

  it('never lets HTML from the model into the page', () => {
    const out = html('<img src=x onerror=alert(1)> <script>alert(2)</script> **<b>fett</b>**');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('links only http, https and mailto addresses', () => {
    expect(html('[Quelle](https://landki.com/a)')).toContain('<a href="https://landki.com/a" target="_blank" rel="noopener noreferrer nofollow">Quelle</a>');
    expect(html('[klick](javascript:alert`1`)')).toBe('<div class="md"><p>klick</p></div>');
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('mailto:a@b.de')).toBe('mailto:a@b.de');
  });

  it('leaves unfinished markers of a streaming answer as text and keeps snake_case words', () => {
    expect(parseInline('Das ist **wich')).toEqual([{ t: 'text', text: 'Das ist **wich' }]);
    expect(parseInline('a snake_case_name')).toEqual([{ t: 'text', text: 'a snake_case_name' }]);
    expect(parseMarkdown('```\nnoch offen')).toEqual([{ t: 'pre', text: 'noch offen' }]);
  });
});
