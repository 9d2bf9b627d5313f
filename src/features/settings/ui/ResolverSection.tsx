import { useId } from 'react';
import type { ResolverId } from '@/features/lookup/model/resolvers';
import { Section } from '@/platform/ui/Section';
import type { SectionProps } from './use-settings';

const RESOLVERS: { value: ResolverId; label: string; help: string }[] = [
  {
    value: 'earliestCreated',
    label: 'Earliest created',
    help: 'The contact that was added to the CRM first comes first: usually the original record.',
  },
  {
    value: 'mostRecentActivity',
    label: 'Most recent activity',
    help: 'The contact someone worked with most recently comes first.',
  },
  { value: 'alphabetical', label: 'Alphabetical', help: 'Contacts are listed by name, A to Z.' },
];

export function ResolverSection({ settings, save }: SectionProps) {
  const name = useId();
  return (
    <Section title="Contact order">
      <fieldset className="radio-group" data-testid="resolver">
        <legend>When several contacts match, put first</legend>
        {RESOLVERS.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className="radio-option">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={settings.resolver === option.value}
                aria-describedby={`${id}-help`}
                onChange={() => void save((current) => ({ ...current, resolver: option.value }))}
              />
              <label htmlFor={id}>{option.label}</label>
              <p id={`${id}-help`} className="field-help">
                {option.help}
              </p>
            </div>
          );
        })}
      </fieldset>
    </Section>
  );
}
