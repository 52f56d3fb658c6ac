import { describe, expect, it } from 'vitest';
import type { WidgetNode } from '../src/builtin/protocol';
import { actionOf, applyWidgetUpdate, widgetText } from '../src/builtin/widget';

const card: WidgetNode = {
  type: 'Card',
  children: [
    { type: 'Markdown', id: 'md', value: 'Hallo', streaming: true },
    { type: 'Row', children: [{ type: 'Text', id: 't', value: 'alt' }, { type: 'Badge', label: 'neu' }] },
  ],
};

describe('widget updates', () => {
  it('widget.root.updated replaces the whole widget', () => {
    const next: WidgetNode = { type: 'Card', children: [{ type: 'Text', value: 'Danke' }] };
    expect(applyWidgetUpdate(card, { type: 'widget.root.updated', widget: next })).toBe(next);
  });

  it('widget.component.updated replaces the component with that id, however deep', () => {
    const updated = applyWidgetUpdate(card, { type: 'widget.component.updated', component_id: 't', component: { type: 'Text', id: 't', value: 'neu' } });
    expect(widgetText(updated)).toBe('Hallo neu neu');
    expect(widgetText(card)).toBe('Hallo alt neu');
  });

  it('widget.streaming_text.value_delta appends to the Text or Markdown with that id', () => {
    let w = applyWidgetUpdate(card, { type: 'widget.streaming_text.value_delta', component_id: 'md', delta: ' Welt', done: false });
    w = applyWidgetUpdate(w, { type: 'widget.streaming_text.value_delta', component_id: 'md', delta: '!', done: true });
    expect(w.children?.[0]).toEqual({ type: 'Markdown', id: 'md', value: 'Hallo Welt!', streaming: false });
  });

  it('an action needs a type', () => {
    expect(actionOf({ type: 'out_of_scope.report', handler: 'server' })).toEqual({ type: 'out_of_scope.report', handler: 'server' });
    expect(actionOf({ payload: 1 })).toBeNull();
    expect(actionOf('x')).toBeNull();
  });
});
