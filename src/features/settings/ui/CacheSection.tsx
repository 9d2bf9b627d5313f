import { useState } from 'react';
import { send } from '@/platform/ui/messaging';
import { useAnswer } from '@/platform/ui/use-status';
import { TextField } from '@/platform/ui/form-fields';
import { Section } from '@/platform/ui/Section';
import { useDraft } from './use-draft';
import type { SectionProps } from './use-settings';
import { checkWhole } from './validation';

interface Props extends SectionProps {
  /** Changes when something else (a disconnect) may have emptied the cache. */
  refreshKey: number;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function CacheSection({ settings, save, refreshKey }: Props) {
  const { answer: count, reload } = useAnswer('cache.stats', '', refreshKey);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const useTtl = (field: 'matchTtlMinutes' | 'noMatchTtlMinutes') =>
    useDraft(
      settings.cache[field],
      (text) => checkWhole(text, field),
      (minutes) =>
        save((current) => ({ ...current, cache: { ...current.cache, [field]: minutes } })),
    );
  const matchTtl = useTtl('matchTtlMinutes');
  const noMatchTtl = useTtl('noMatchTtlMinutes');

  const clear = async () => {
    setBusy(true);
    const reply = await send('cache.clear');
    setBusy(false);
    setOutcome(
      reply.ok
        ? `Removed ${plural(reply.value.removed, 'cached contact', 'cached contacts')}.`
        : `Could not clear the cache: ${reply.error.message}`,
    );
    reload();
  };

  return (
    <Section
      title="Cache"
      intro="CallPop remembers lookups so that repeat callers pop at once without asking the CRM."
    >
      <div className="field-grid">
        <TextField
          label="Keep a match for (minutes)"
          inputMode="numeric"
          {...matchTtl}
          testId="match-ttl"
        />
        <TextField
          label="Keep a no-match for (minutes)"
          inputMode="numeric"
          {...noMatchTtl}
          help="0 asks the CRM again on every call from an unknown number."
          testId="no-match-ttl"
        />
      </div>
      <p data-testid="cache-count">
        {count.state === 'loading'
          ? 'Counting cached contacts…'
          : count.state === 'ready'
            ? `${plural(count.value.entries, 'number is', 'numbers are')} cached.`
            : `The cache size is not known: ${count.message}`}
      </p>
      <button type="button" disabled={busy} data-testid="cache-clear" onClick={() => void clear()}>
        Clear cached contacts
      </button>
      <p role="status" className="outcome" data-testid="cache-outcome">
        {outcome}
      </p>
    </Section>
  );
}
