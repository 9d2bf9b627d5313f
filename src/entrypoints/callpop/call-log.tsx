/** Log call in the call's window; the worker keeps the log, and a new contact, in the call. */
import { lookupProblem } from '@/features/lookup/model/lookup-problem';
import { LogForm } from '@/features/saves/ui/log-form';
import type { LookupResult } from '@/platform/messages';
import type { CallSession } from '@/platform/storage/keys';
import type { Toasts } from '@/platform/ui/toast';
import { callFacts } from './call-facts';
import type { KeptLogDraft } from './use-kept-log-draft';

export function CallLog(props: {
  session: CallSession;
  result: LookupResult;
  number: string;
  toasts: Toasts;
  kept: KeptLogDraft;
  /** Back to the card: `saved` when the log was saved. */
  onDone: (saved: boolean) => void;
}) {
  const { session, result, kept } = props;
  const draft = kept.draftFor(result.contacts);
  return (
    <LogForm
      phoneNumber={result.phoneNumber}
      displayNumber={props.number}
      contacts={result.contacts}
      canCreate={result.canCreate}
      contactTypes={result.contactTypes}
      call={callFacts(session)}
      callNow={() => callFacts(session)}
      problem={lookupProblem(result)}
      toasts={props.toasts}
      // The form's `draft` prop only when there is one (exact optional props).
      {...(draft ? { draft } : {})}
      onDraftChange={(typed) => kept.keep(typed, result.contacts)}
      onCancel={() => props.onDone(false)}
      onLogged={() => props.onDone(true)}
    />
  );
}
