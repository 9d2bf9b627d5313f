import { useState } from 'react';
import { useAnswer } from '@/platform/ui/use-status';
import { ErrorText } from '@/platform/ui/form-fields';
import { AdvancedSection } from '@/features/settings/ui/AdvancedSection';
import { CacheSection } from '@/features/settings/ui/CacheSection';
import { CallPopSection } from '@/features/settings/ui/CallPopSection';
import { ConnectionSection } from '@/features/connection/ui/ConnectionSection';
import { CountrySection, PhoneSection } from '@/features/settings/ui/PhoneSection';
import { ResolverSection } from '@/features/settings/ui/ResolverSection';
import { SaveStatusLine } from '@/features/settings/ui/SaveStatusLine';
import { useSettings } from '@/features/settings/ui/use-settings';
import './options.css';

export function App() {
  const status = useAnswer('status.get').answer;
  const { settings, loadError, status: saveStatus, save } = useSettings();
  // Bumped after a disconnect, which empties the cache, so the cache count is asked for again.
  const [cacheKey, setCacheKey] = useState(0);

  return (
    <main className="options">
      <header className="options-header">
        <h1>CallPop options</h1>
        <p className="muted" data-testid="version">
          {status.state === 'ready' ? `Version ${status.value.version}` : null}
        </p>
        <SaveStatusLine status={saveStatus} />
      </header>
      <ConnectionSection onDisconnected={() => setCacheKey((key) => key + 1)} />
      {loadError ? (
        <ErrorText text={loadError} className="field-error" />
      ) : settings === null ? (
        <p>Loading your settings…</p>
      ) : (
        <>
          <CountrySection settings={settings} save={save} />
          {/* What most people never change, out of the way of the two settings they need. */}
          <details className="advanced" data-testid="advanced">
            <summary>Advanced settings</summary>
            <PhoneSection settings={settings} save={save} />
            <CallPopSection settings={settings} save={save} />
            <ResolverSection settings={settings} save={save} />
            <CacheSection settings={settings} save={save} refreshKey={cacheKey} />
            <AdvancedSection settings={settings} save={save} />
          </details>
        </>
      )}
    </main>
  );
}
