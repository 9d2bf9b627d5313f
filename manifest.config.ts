import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

export const WORKER_ENTRY = 'src/entrypoints/worker/index.ts';

/** Chrome wants 1–4 dot-separated integers; the full semver stays in version_name. */
function chromeVersion(semver: string): string {
  const [core = '0.0.0'] = semver.split(/[-+]/);
  return core;
}

export default defineManifest((env) => ({
  manifest_version: 3,
  name: env.mode === 'staging' ? `[staging] ${pkg.displayName}` : pkg.displayName,
  description: pkg.description,
  version: chromeVersion(pkg.version),
  version_name: pkg.version,
  icons: {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  },
  action: {
    default_popup: 'src/entrypoints/popup/index.html',
    default_title: pkg.displayName,
  },
  options_page: 'src/entrypoints/options/index.html',
  // Chrome lets people change these at chrome://extensions/shortcuts.
  commands: {
    _execute_action: {
      suggested_key: { default: 'Alt+Shift+L' },
      description: 'Look up a number',
    },
    'show-call': {
      suggested_key: { default: 'Alt+Shift+K' },
      description: "Bring the current call's window forward",
    },
  },
  // CRXJS builds the worker the same way for `npm run dev` and `npm run build`.
  background: { service_worker: WORKER_ENTRY, type: 'module' },
  // system.display: the call window opens beside the softphone, inside the screen's work area.
  // unlimitedStorage: the contact cache may hold up to 200,000 numbers, past the 10 MB quota.
  permissions: ['storage', 'unlimitedStorage', 'alarms', 'system.display'],
  // Loopback only: self-hosted and development CRMs (and the demo CRM) on this machine.
  host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  // CRM origins are asked for when the user connects, never granted to every site at install;
  // https only: credentials never travel unencrypted (plain http is for loopback, above).
  optional_host_permissions: ['https://*/*'],
  content_security_policy: {
    // frame-src: the softphone page frames Embeddable (https) or a loopback dev softphone.
    extension_pages:
      "script-src 'self'; object-src 'self'; frame-src https: http://127.0.0.1:* http://localhost:*",
  },
}));
