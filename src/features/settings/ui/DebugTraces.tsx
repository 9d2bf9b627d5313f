/** The steps of the last lookups, recorded by the engine in session storage in debug mode. */
import { useEffect, useState } from 'react';
import { lookupTraces, type LookupTrace } from '@/platform/storage/keys';

const MAX_SHOWN = 10;

function time(ms: number): string {
  return new Date(ms).toLocaleTimeString();
}

export function DebugTraces() {
  const [traces, setTraces] = useState<LookupTrace[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const stop = lookupTraces.watch((next) => {
      if (live) setTraces(next);
    });
    lookupTraces.get().then(
      (value) => {
        if (live) setTraces(value);
      },
      (reason: unknown) => {
        if (live) setError(`The lookup traces could not be read: ${String(reason)}`);
      },
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (error) return <p className="field-error">{error}</p>;
  if (traces === null) return <p>Loading the last lookups…</p>;
  if (traces.length === 0) {
    return (
      <p data-testid="traces-empty">
        No lookups recorded yet. Traces appear here after the next call or Refresh.
      </p>
    );
  }
  return (
    <div className="traces" data-testid="traces">
      <h3>Last lookups</h3>
      {traces.slice(0, MAX_SHOWN).map((trace) => (
        <details key={trace.id} className="trace">
          <summary>
            {trace.phoneNumber} at {time(trace.startedAt)}: {trace.totalMs} ms,{' '}
            {trace.steps.some((s) => s.level === 'error') ? 'with errors' : 'ok'}
          </summary>
          <ol>
            {trace.steps.map((step, index) => (
              <li key={index} className={step.level === 'error' ? 'trace-error' : undefined}>
                <span className="trace-ms">{step.ms} ms</span>{' '}
                {step.level === 'error' ? 'Error: ' : ''}
                {step.step}
                {step.data ? <code>{JSON.stringify(step.data)}</code> : null}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}
