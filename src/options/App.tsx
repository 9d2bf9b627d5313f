import { useStatus } from '@/shared/ui/use-status';

export function App() {
  const status = useStatus();
  return (
    <main style={{ maxWidth: 720, margin: '0 auto', padding: 24 }}>
      <h1>CallPop options</h1>
      <p data-testid="version">
        {status.state === 'ready' ? `Version ${status.value.version}` : null}
      </p>
    </main>
  );
}
