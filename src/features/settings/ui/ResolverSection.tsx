import type { ResolverId } from '@/features/lookup/model/resolvers';
import { RadioGroup } from '@/platform/ui/form-fields';
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

export function ResolverSection(props: SectionProps) {
  return (
    <Section title="Contact order">
      <RadioGroup
        legend="When several contacts match, put first"
        value={props.settings.resolver}
        options={RESOLVERS}
        testId="resolver"
        onChange={(resolver) => void props.save((current) => ({ ...current, resolver }))}
      />
    </Section>
  );
}
