// A small Markdown reader for model answers: paragraphs, headings, lists, quotes, fenced code, and inline
// bold, italic, code and links. It produces a tree of plain values that React renders as elements and text,
// so nothing in an answer is ever parsed as HTML; links keep only http(s) and mailto addresses.

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'code'; text: string }
  | { t: 'strong'; children: Inline[] }
  | { t: 'em'; children: Inline[] }
  | { t: 'link'; href: string; children: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; children: Inline[] }
  | { t: 'h'; level: number; children: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'quote'; children: Block[] }
  | { t: 'pre'; text: string };

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** The address when it is safe to link (http, https, mailto), else null. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  return SAFE_URL.test(href) && !/[\s<>"]/.test(href) ? href : null;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trimStart().startsWith(fence[1])) body.push(lines[i++]);
      i++; // closing fence (or end of a still-streaming answer)
      blocks.push({ t: 'pre', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ t: 'h', level: heading[1].length, children: parseInline(heading[2].replace(/\s+#+\s*$/, '')) });
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) body.push(lines[i++].replace(/^\s*>\s?/, ''));
      blocks.push({ t: 'quote', children: parseMarkdown(body.join('\n')) });
      continue;
    }
    const list = listKind(line);
    if (list) {
      const items: Inline[][] = [];
      let current: string[] = [];
      while (i < lines.length && lines[i].trim() !== '') {
        const kind = listKind(lines[i]);
        if (kind === list) {
          if (current.length) items.push(parseInline(current.join('\n')));
          current = [lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, '')];
        } else if (kind === null && current.length && /^\s+/.test(lines[i])) {
          current.push(lines[i].trim());
        } else {
          break;
        }
        i++;
      }
      if (current.length) items.push(parseInline(current.join('\n')));
      blocks.push({ t: list, items });
      continue;
    }
    const body: string[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !startsBlock(lines[i])) body.push(lines[i++]);
    blocks.push({ t: 'p', children: parseInline(body.join('\n')) });
  }
  return blocks;
}

function listKind(line: string): 'ul' | 'ol' | null {
  if (/^\s*[-*+]\s+/.test(line)) return 'ul';
  if (/^\s*\d+[.)]\s+/.test(line)) return 'ol';
  return null;
}

function startsBlock(line: string): boolean {
  return /^\s*(```|~~~)/.test(line) || /^#{1,6}\s/.test(line) || /^\s*>/.test(line) || listKind(line) !== null;
}

/** Inline Markdown; an unclosed marker stays literal text (as it does mid-stream). */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ t: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      flush();
      out.push({ t: 'br' });
      i++;
      continue;
    }
    if (c === '\\' && i + 1 < text.length && /[\\`*_[\]()#>+\-.!]/.test(text[i + 1])) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((c === '*' || c === '_') && text[i + 1] === c) {
      const end = text.indexOf(c + c, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ t: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    const wordInside = c === '_' && i > 0 && /\w/.test(text[i - 1]);
    if ((c === '*' || c === '_') && !wordInside && text[i + 1] !== c && text[i + 1] !== ' ' && text[i + 1] !== undefined) {
      const end = findClosing(text, c, i + 1);
      if (end > i + 1) {
        flush();
        out.push({ t: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(text.slice(i));
      if (link) {
        const href = safeHref(link[2]);
        flush();
        if (href) out.push({ t: 'link', href, children: parseInline(link[1]) });
        else out.push(...parseInline(link[1]));
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

function findClosing(text: string, marker: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\n') return -1;
    if (text[j] === marker && text[j - 1] !== ' ' && text[j + 1] !== marker) return j;
  }
  return -1;
}
