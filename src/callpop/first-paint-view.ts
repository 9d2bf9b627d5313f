/**
 * The call as plain DOM, for the window's first frame: heading, then the matched names (or
 * what the lookup is doing). Text only, through textContent. React replaces all of it in its
 * first commit, so this never needs to handle input.
 */
import { lookupProblem } from '@/shared/lookup-problem';
import type { CallSession } from '@/shared/storage/keys';
import { callHeading } from './call-facts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function lookupNodes(session: CallSession, number: string): HTMLElement[] {
  const { lookup } = session;
  if (lookup.state === 'pending') return [el('p', `Looking up ${number}…`)];
  if (lookup.state === 'failed') {
    return [el('p', `Could not look up this number: ${lookup.message}`, 'error')];
  }
  const problem = lookupProblem(lookup.result);
  if (problem) return [el('p', problem.message, problem.messageType === 'danger' ? 'error' : '')];
  const { contacts } = lookup.result;
  if (contacts.length === 0) return [el('p', 'No contact matches this number.', 'muted')];
  return contacts.map((contact) => {
    const card = el('article', '', 'card');
    card.append(el('h3', contact.name));
    return card;
  });
}

/** Replaces `root`'s content with the call as it stands (or a waiting line before it is known). */
export function paintCall(root: HTMLElement, session: CallSession | undefined): void {
  const main = el('main', '', 'callpop stack');
  main.setAttribute('aria-busy', 'true');
  if (!session) {
    main.append(el('p', 'Opening the call…', 'muted'));
  } else {
    const heading = callHeading(session);
    const header = el('header', '');
    header.append(el('p', heading.line, 'muted'), el('h1', heading.number));
    main.append(header, ...lookupNodes(session, heading.number));
  }
  root.replaceChildren(main);
}
