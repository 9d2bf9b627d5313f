/** A ViewNode built with DOM calls (text through textContent), for the page's own first paint. */
import { callView, type ViewNode } from '@/features/calls/model/call-view';
import type { CallSession } from '@/platform/storage/keys';

function toDom(node: ViewNode): HTMLElement {
  const element = document.createElement(node.tag);
  if (node.className) element.className = node.className;
  for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value);
  if (node.text) element.textContent = node.text;
  element.append(...(node.children ?? []).map(toDom));
  return element;
}

/** Replaces `root`'s content with the call as it stands (or a waiting line before it is known). */
export function paintCall(root: HTMLElement, session: CallSession | undefined): void {
  root.replaceChildren(toDom(callView(session)));
}
