// Renders the tree of markdown.ts as React elements: text is always text, never HTML.
import { Fragment, type ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from './markdown';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.t) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'code':
        return <code key={i}>{n.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(n.children)}</em>;
      case 'link':
        return (
          <a key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(n.children)}
          </a>
        );
      case 'br':
        return <br key={i} />;
      default:
        return null;
    }
  });
}

function block(b: Block, i: number): ReactNode {
  switch (b.t) {
    case 'p':
      return <p key={i}>{inline(b.children)}</p>;
    case 'h': {
      // answers sit under the page's h1/h2; their headings start at h3
      const Tag = `h${Math.min(6, b.level + 2)}` as 'h3';
      return <Tag key={i}>{inline(b.children)}</Tag>;
    }
    case 'ul':
      return <ul key={i}>{b.items.map((item, j) => <li key={j}>{inline(item)}</li>)}</ul>;
    case 'ol':
      return <ol key={i}>{b.items.map((item, j) => <li key={j}>{inline(item)}</li>)}</ol>;
    case 'quote':
      return <blockquote key={i}>{b.children.map(block)}</blockquote>;
    case 'pre':
      return (
        <pre key={i}>
          <code>{b.text}</code>
        </pre>
      );
    default:
      return null;
  }
}

export function Markdown({ text }: { text: string }) {
  return <div className="md">{parseMarkdown(text).map(block)}</div>;
}
