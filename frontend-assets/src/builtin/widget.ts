// Widget trees as the server sends them (chatkit-python's widget JSON) and the updates of a shown widget:
// pure functions, unit-tested without a browser.
import type { ActionConfig, ItemUpdate, WidgetNode } from './protocol';

/** `node` with the component of id `id` replaced by `component` (the same tree when no node has that id). */
export function replaceComponent(node: WidgetNode, id: string, component: WidgetNode): WidgetNode {
  if (node.id === id) return component;
  if (!Array.isArray(node.children)) return node;
  return { ...node, children: node.children.map((c) => replaceComponent(c, id, component)) };
}

/** `node` with `delta` appended to the `value` of the Text or Markdown of id `id`. */
export function appendText(node: WidgetNode, id: string, delta: string, done: boolean): WidgetNode {
  if (node.id === id && typeof node.value === 'string') return { ...node, value: node.value + delta, streaming: !done };
  if (!Array.isArray(node.children)) return node;
  return { ...node, children: node.children.map((c) => appendText(c, id, delta, done)) };
}

/** The widget after one `thread.item.updated` update; other updates leave it as it is. */
export function applyWidgetUpdate(widget: WidgetNode, update: ItemUpdate): WidgetNode {
  switch (update.type) {
    case 'widget.root.updated':
      return update.widget;
    case 'widget.component.updated':
      return replaceComponent(widget, update.component_id, update.component);
    case 'widget.streaming_text.value_delta':
      return appendText(widget, update.component_id, update.delta, update.done);
    default:
      return widget;
  }
}

/** An action property (`onClickAction`) if it has the shape of one. */
export function actionOf(value: unknown): ActionConfig | null {
  if (!value || typeof value !== 'object') return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && type !== '' ? (value as ActionConfig) : null;
}

/** The text of a widget for screen readers and copying: its `value`s and `label`s in order. */
export function widgetText(node: WidgetNode): string {
  const own = [node.value, node.label].filter((v): v is string => typeof v === 'string');
  const children = Array.isArray(node.children) ? node.children.map(widgetText).filter((t) => t !== '') : [];
  return [...own, ...children].join(' ');
}
