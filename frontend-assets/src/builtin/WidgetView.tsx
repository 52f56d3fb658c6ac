// Draws a widget item (chatkit-python's widget JSON) with our own elements: Card, ListView/ListViewItem, Row, Col,
// Text, Title, Caption, Markdown, Badge, Button, Icon, Divider, Spacer. Other components show their children (or
// nothing). Text is always text; style comes from class names for the tokens, and only plain lengths (numbers or
// `12px`-like values) reach inline style, so a widget cannot load anything from elsewhere.
import type { CSSProperties, ReactNode } from 'react';
import type { ActionConfig, WidgetNode } from './protocol';
import { CheckIcon, InfoIcon } from './Icons';
import { Markdown } from './Markdown';
import type { WidgetEntry } from './transcript';
import { actionOf, widgetText } from './widget';

interface Props {
  entry: WidgetEntry;
  /** A stream is running: buttons wait (actions are refused while the thread streams, as in ChatKit). */
  busy: boolean;
  onAction: (action: ActionConfig) => void;
}

const SPACING_UNIT_PX = 4;
const TOKEN = /^[a-z0-9-]{1,32}$/;
const LENGTH = /^\d{1,4}(\.\d{1,3})?(px|rem|em|%)$/;

function length(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1000) {
    return `${value * SPACING_UNIT_PX}px`;
  }
  return typeof value === 'string' && LENGTH.test(value) ? value : undefined;
}

/** `w-{name}-{token}` for a token-valued property, nothing for anything else. */
function token(name: string, value: unknown): string | null {
  return typeof value === 'string' && TOKEN.test(value) ? `w-${name}-${value}` : null;
}

function classes(...names: (string | null | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function WidgetView({ entry, busy, onAction }: Props) {
  return (
    <div className="msg msg-widget" data-testid="widget" data-widget-key={entry.widget.key ?? undefined}>
      <Node node={entry.widget} busy={busy} onAction={onAction} />
    </div>
  );
}

interface NodeProps {
  node: WidgetNode;
  busy: boolean;
  onAction: (action: ActionConfig) => void;
}

function Children({ node, busy, onAction }: NodeProps): ReactNode {
  const children = Array.isArray(node.children) ? node.children : [];
  return children.map((child, i) => (
    <Node key={child.key ?? child.id ?? i} node={child} busy={busy} onAction={onAction} />
  ));
}

function boxStyle(node: WidgetNode): CSSProperties {
  const style: CSSProperties = {};
  const gap = length(node.gap);
  const padding = length(node.padding);
  if (gap) style.gap = gap;
  if (padding) style.padding = padding;
  if (typeof node.flex === 'number' && node.flex >= 0 && node.flex <= 100) style.flex = node.flex;
  return style;
}

function Node({ node, busy, onAction }: NodeProps): ReactNode {
  const typography = classes(token('size', node.size), token('weight', node.weight), token('color', node.color),
    token('align', node.textAlign), node.italic === true && 'w-italic', node.truncate === true && 'w-truncate');
  switch (node.type) {
    case 'Card':
      return (
        <section className={classes('w-card', token('size', node.size), token('bg', node.background))}
          style={boxStyle(node)} aria-label={widgetText(node).slice(0, 120) || undefined}>
          <Children node={node} busy={busy} onAction={onAction} />
        </section>
      );
    case 'Row':
    case 'Col':
      return (
        <div className={classes(node.type === 'Row' ? 'w-row' : 'w-col', token('items', node.align),
          token('justify', node.justify), node.wrap === 'wrap' && 'w-wrap', token('bg', node.background))}
          style={boxStyle(node)}>
          <Children node={node} busy={busy} onAction={onAction} />
        </div>
      );
    case 'ListView':
      return (
        <ul className="w-list">
          <Children node={node} busy={busy} onAction={onAction} />
        </ul>
      );
    case 'ListViewItem': {
      const action = actionOf(node.onClickAction);
      const content = <Children node={node} busy={busy} onAction={onAction} />;
      return (
        <li className={classes('w-list-item', token('items', node.align))} style={boxStyle(node)}>
          {action && action.handler !== 'client' ? (
            <button type="button" className="w-list-button" disabled={busy} onClick={() => onAction(action)}>
              {content}
            </button>
          ) : (
            content
          )}
        </li>
      );
    }
    case 'Text':
      return <p className={classes('w-text', typography)}>{text(node.value)}</p>;
    case 'Title':
      return <h3 className={classes('w-title', typography)}>{text(node.value)}</h3>;
    case 'Caption':
      return <p className={classes('w-caption', typography)}>{text(node.value)}</p>;
    case 'Markdown':
      return <Markdown text={text(node.value)} />;
    case 'Badge':
      return <span className={classes('w-badge', token('badge', node.color), node.pill === true && 'w-pill')}>{text(node.label)}</span>;
    case 'Icon':
      return <span className={classes('w-icon', token('color', node.color))} aria-hidden="true">{icon(text(node.name))}</span>;
    case 'Divider':
      return <hr className="w-divider" />;
    case 'Spacer':
      return <span className="w-spacer" aria-hidden="true" />;
    case 'Button': {
      const action = actionOf(node.onClickAction);
      // client-handled actions belong to a page's own handler; the built-in chat has none
      const usable = action !== null && action.handler !== 'client';
      return (
        <button
          type="button"
          className={classes('w-button', node.style === 'primary' ? 'w-button-primary' : token('button', node.color),
            node.block === true && 'w-block')}
          disabled={busy || node.disabled === true || !usable}
          onClick={() => usable && onAction(action)}
        >
          {typeof node.iconStart === 'string' && <span className="w-button-icon">{icon(node.iconStart)}</span>}
          {text(node.label)}
        </button>
      );
    }
    default:
      return <Children node={node} busy={busy} onAction={onAction} />;
  }
}

/** An inline SVG for the few icon names our server uses; other names show a dot. Decorative (aria-hidden). */
function icon(name: string): ReactNode {
  switch (name) {
    case 'info':
      return <InfoIcon />;
    case 'check':
    case 'check-circle':
    case 'check-circle-filled':
      return <CheckIcon />;
    default:
      return <span aria-hidden="true">•</span>;
  }
}
