// Listeners are registered synchronously; Chrome may stop the worker at any await, so what must
// survive is in storage.
import { registerCalls } from '@/features/calls/worker';
import { registerLookup } from '@/features/lookup/worker';
import { registerSaves } from '@/features/saves/worker';
import { createMessageListener } from '@/platform/worker/listener';
import { handlers } from './handlers';
import { registerInstall } from './install';

chrome.runtime.onMessage.addListener(createMessageListener(handlers));
registerInstall();
registerLookup();
registerSaves();
registerCalls();
