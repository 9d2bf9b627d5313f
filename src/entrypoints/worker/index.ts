// Listeners are registered synchronously; Chrome may stop the worker at any await, so what must
// survive is in storage.
import { registerCalls, showLatestCall } from '@/features/calls/worker';
import { registerLookup } from '@/features/lookup/worker';
import { registerSaves } from '@/features/saves/worker';
import { createMessageListener } from '@/platform/worker/listener';
import { inBackground } from '@/platform/worker/report';
import { registerBadge } from './badge';
import { handlers } from './handlers';
import { registerInstall } from './install';

chrome.runtime.onMessage.addListener(createMessageListener(handlers));
registerInstall();
registerLookup();
registerSaves();
registerCalls();
registerBadge();
// The keyboard shortcut (manifest `commands`); the lookup popup's is Chrome's own.
chrome.commands.onCommand.addListener((command) => {
  if (command === 'show-call') inBackground('showing the current call', showLatestCall());
});
