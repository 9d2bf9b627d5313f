// Danger is an alert, the rest polite status updates; the kind is written out, not only shown by
// color. Toasts float over the page, so one coming or going never moves what is under a click.
import { useCallback, useRef, useState } from 'react';
import type { MessageType, ReturnMessage } from '@/features/lookup/model/contact';

type ToastItem = ReturnMessage & { id: number };

const KIND_LABEL: Record<MessageType, string> = {
  success: 'Done',
  warning: 'Note',
  danger: 'Problem',
};

/** A message and its details as sentences. */
export function messageText(message: ReturnMessage): string {
  const details = (message.details ?? []).flatMap((d) => d.items.map((item) => item.text));
  return [message.message, ...details]
    .map((text) => (/[.!?]$/.test(text) ? text : `${text}.`))
    .join(' ');
}

export interface Toasts {
  items: ToastItem[];
  show: (message: ReturnMessage | null | undefined) => void;
  error: (message: string) => void;
  dismiss: (id: number) => void;
}

export function useToasts(): Toasts {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  // A timer outliving its toast (dismissed, or replaced) finds nothing to drop.
  const dismiss = useCallback((id: number) => {
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  // One at a time, the newest: what it says is what holds now. A problem, or a message with
  // details, stays until dismissed or replaced: it must be read.
  const show = useCallback(
    (item: ReturnMessage | null | undefined) => {
      if (!item?.message) return;
      const id = nextId.current++;
      setItems([{ ...item, id }]);
      const stays = item.messageType === 'danger' || (item.details?.length ?? 0) > 0;
      if (item.ttl > 0 && !stays) setTimeout(() => dismiss(id), item.ttl);
    },
    [dismiss],
  );
  const error = useCallback(
    (message: string) => show({ message, messageType: 'danger', ttl: 0 }),
    [show],
  );
  return { items, dismiss, show, error };
}

export function ToastList({ toasts }: { toasts: Toasts }) {
  return (
    <div className="toasts">
      {toasts.items.map((item) => (
        <div
          key={item.id}
          className={`toast ${item.messageType}`}
          role={item.messageType === 'danger' ? 'alert' : 'status'}
          data-testid="toast"
          data-type={item.messageType}
        >
          <span>
            <span className="kind">{KIND_LABEL[item.messageType]}:</span>{' '}
            <bdi>{messageText(item)}</bdi>
          </span>
          <button
            type="button"
            aria-label="Dismiss message"
            onClick={() => toasts.dismiss(item.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
