import { useRef, useState } from 'react';
import { originPattern, type ConnectionSummary } from '../model/connection';
import type { ConnectorInfo } from '@/platform/messages';
import { send } from '@/platform/ui/messaging';
import { onEscape, SelectField, TextField } from '@/platform/ui/form-fields';
import { buildDraft, secretLabelOf } from './connection-draft';

interface Props {
  connectors: ConnectorInfo[];
  onConnected: (summary: ConnectionSummary) => void;
  /** The account connected now, when its credentials are being replaced: CRM and address kept. */
  replacing?: ConnectionSummary;
  onCancel?: () => void;
}

type Outcome = { kind: 'info' | 'success' | 'error'; text: string } | null;

/** CRM choice and its connection fields, rendered from the connector's declared settings. */
export function ConnectionForm({ connectors, onConnected, replacing, onCancel }: Props) {
  const [platform, setPlatform] = useState(
    replacing?.platform ?? connectors[0]?.name ?? 'pipedrive',
  );
  // Typed values per CRM, so switching back and forth loses nothing; a replaced account's address
  // is kept and its secret typed anew.
  const [values, setValues] = useState<Record<string, Record<string, string>>>(() =>
    replacing ? { [replacing.platform]: { hostname: replacing.hostname } } : {},
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // Bumped on every change of CRM or field, so a reply to an earlier draft is recognised.
  const edits = useRef(0);
  const connector = connectors.find((c) => c.name === platform) ?? connectors[0];
  if (!connector) return <p className="field-error">No CRM connectors are available.</p>;
  const typed = values[connector.name] ?? {};
  const fail = (text: string) => setOutcome({ kind: 'error', text });

  const draft = () => {
    const built = buildDraft(connector, typed);
    setErrors(built.ok ? {} : built.errors);
    if (built.ok) return built.draft;
    fail('Check the fields marked above.');
    return null;
  };

  const test = async () => {
    const checked = draft();
    if (!checked) return;
    const startedAt = edits.current;
    setBusy(true);
    setOutcome({ kind: 'info', text: `Testing the connection to ${connector.displayName}…` });
    const reply = await send('connection.test', checked);
    setBusy(false);
    // The CRM or a field changed meanwhile: the result is for values no longer in the form.
    if (edits.current !== startedAt) return setOutcome(null);
    if (!reply.ok) return fail(reply.error.message);
    setOutcome({ kind: 'success', text: reply.value.message });
  };

  const connect = () => {
    const checked = draft();
    if (!checked) return;
    // buildDraft let through only addresses of one http(s) host.
    const pattern = originPattern(checked.hostname)!;
    setBusy(true);
    setOutcome({ kind: 'info', text: `Connecting to ${connector.displayName}…` });
    // Called straight from the click: Chrome only shows the permission prompt for a user gesture.
    chrome.permissions
      .request({ origins: [pattern] })
      .then(async (granted) => {
        if (!granted) {
          const host = pattern.replace('/*', '');
          return fail(
            `CallPop needs your permission to reach ${host}. Click Connect and choose Allow.`,
          );
        }
        const reply = await send('connection.save', checked);
        if (!reply.ok) return fail(reply.error.message);
        setOutcome(null);
        onConnected(reply.value);
      })
      .catch((error: unknown) => fail(`Permission could not be asked for: ${String(error)}`))
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="connection-form"
      noValidate
      onKeyDown={onEscape(busy ? undefined : onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        connect();
      }}
    >
      {replacing ? (
        // The same CRM: another one is a new connection, made after Disconnect.
        <p data-testid="replace-intro">
          A new {secretLabelOf(connector)} for {replacing.displayName} at {replacing.hostname},
          signed in as {replacing.userName}. Cached contacts stay when it is for the same account.
        </p>
      ) : (
        <SelectField
          label="CRM"
          value={connector.name}
          options={connectors.map((c) => ({ value: c.name, label: c.displayName }))}
          testId="crm"
          onChange={(next) => {
            edits.current += 1;
            setPlatform(next);
            setErrors({});
            setOutcome(null);
          }}
        />
      )}
      {connector.settings.map((field) => (
        <TextField
          key={`${connector.name}-${field.id}`}
          label={field.label}
          type={field.type}
          required={field.required}
          placeholder={field.placeholder}
          help={field.help}
          value={typed[field.id] ?? ''}
          error={errors[field.id]}
          testId={`connection-${field.id}`}
          autoComplete={field.type === 'password' ? 'new-password' : 'off'}
          onChange={(text) => {
            edits.current += 1;
            setValues((all) => ({
              ...all,
              [connector.name]: { ...all[connector.name], [field.id]: text },
            }));
          }}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          disabled={busy}
          data-testid="connection-test"
          onClick={() => void test()}
        >
          Test connection
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="connection-connect">
          Connect
        </button>
        {onCancel ? (
          <button type="button" disabled={busy} data-testid="connection-cancel" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <p
        className={`outcome outcome-${outcome?.kind ?? 'none'}`}
        role="status"
        aria-live="polite"
        data-testid="connection-outcome"
      >
        {outcome?.text}
      </p>
    </form>
  );
}
