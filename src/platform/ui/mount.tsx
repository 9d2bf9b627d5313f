import { options } from 'preact';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './base.css';

// Preact runs effects on the next animation frame, which a hidden page never draws (a background
// tab, a window behind others): a message task runs them at once, as React does.
const effects = new MessageChannel();
let queued: (() => void)[] = [];
effects.port1.onmessage = () => {
  const run = queued;
  queued = [];
  for (const callback of run) callback();
};
options.requestAnimationFrame = (callback) => {
  queued.push(callback);
  if (queued.length === 1) effects.port2.postMessage(null);
};

export function mount(node: ReactNode): void {
  createRoot(document.getElementById('root')!).render(<StrictMode>{node}</StrictMode>);
}
