/**
 * A ViewNode as HTML text, for the worker to put into the call-pop page it serves. Every text and
 * attribute value is escaped; tags and attribute names come from the fixed ViewNode types only.
 */
import type { ViewNode } from './call-view';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const ATTRIBUTE_NAME = /^[a-z][a-z-]*$/;

export function viewToHtml(node: ViewNode): string {
  const attrs = { ...(node.className ? { class: node.className } : {}), ...node.attrs };
  const attrText = Object.entries(attrs)
    .map(([name, value]) => {
      if (!ATTRIBUTE_NAME.test(name)) throw new Error(`Not an attribute name: ${name}`);
      return ` ${name}="${escapeHtml(value)}"`;
    })
    .join('');
  const inner = escapeHtml(node.text ?? '') + (node.children ?? []).map(viewToHtml).join('');
  return `<${node.tag}${attrText}>${inner}</${node.tag}>`;
}
