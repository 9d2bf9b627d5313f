import { useStatus } from '@/shared/ui/use-status';
import './popup.css';

export function App() {
  const status = useStatus();
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>CallPop</h1>
        <span data-testid="version">
          {status.state === 'ready' ? `v${status.value.version}` : null}
        </span>
      </header>
      {status.state === 'error' ? <p role="alert">{status.message}</p> : null}
    </main>
  );
}
