// Opened on install: connect a CRM, check the country, open the softphone; the rest is Options.
import { useState } from 'react';
import { ConnectionLine } from '@/features/connection/ui/ConnectionLine';
import { ConnectionSection } from '@/features/connection/ui/ConnectionSection';
import { useConnection } from '@/features/connection/ui/use-connection';
import { CountrySection } from '@/features/settings/ui/PhoneSection';
import { useSettings } from '@/features/settings/ui/use-settings';
import { Section } from '@/platform/ui/Section';
import '@/platform/ui/ui.css';
import '../options/options.css';

export function App() {
  const { settings, loadError, save } = useSettings();
  const { connection, accepted } = useConnection();
  const [softphoneOpen, setSoftphoneOpen] = useState(false);
  return (
    <main className="options">
      <header className="options-header">
        <h1>Set up CallPop</h1>
        <p className="muted">Three steps, about a minute. Then each call pops its CRM contact.</p>
      </header>
      <ConnectionSection onDisconnected={() => setSoftphoneOpen(false)} />
      {settings ? (
        <CountrySection settings={settings} save={save} />
      ) : (
        <p role={loadError ? 'alert' : undefined}>{loadError ?? 'Loading your settings…'}</p>
      )}
      <Section title="Softphone" intro="Calls pop while the softphone window is open.">
        {connection.state === 'ready' && !connection.value ? (
          <p className="muted">Connect a CRM first.</p>
        ) : (
          <ConnectionLine
            connection={connection}
            onSoftphoneOpened={() => setSoftphoneOpen(true)}
          />
        )}
      </Section>
      {accepted && softphoneOpen ? (
        <p className="setup-done" role="status" data-testid="setup-done">
          You&apos;re set. Calls pop in their own window; look up any number from CallPop&apos;s
          toolbar button (Alt+Shift+L). Everything else is in{' '}
          <a href="../options/index.html">Options</a>.
        </p>
      ) : null}
    </main>
  );
}
