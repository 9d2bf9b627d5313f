/** The record is read before the first render, so the first frame shows the caller, not a wait. */
import { flushSync } from 'react-dom';
import { callSessions } from '@/platform/storage/keys';
import { mount } from '@/platform/ui/mount';
import { App } from './App';
import './callpop.css';

const sessionId = new URLSearchParams(location.search).get('session');
// A failed read is not the page's end: useCallSession reads again and says what it found.
const initial = sessionId ? await callSessions.get(sessionId).catch(() => undefined) : undefined;
// Rendered at once rather than in a later task: the caller's name is what the window is for.
flushSync(() => mount(<App sessionId={sessionId} initial={initial} />));
