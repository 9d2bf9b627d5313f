import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './base.css';

/** Mounts a page's root component into #root. */
export function mount(node: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('Page is missing #root');
  createRoot(container).render(<StrictMode>{node}</StrictMode>);
}
