// Danger is an alert, the rest polite status updates; the kind is written out, not only shown by
// color.
import { useCallback, useRef, useState } from 'react';
import type { MessageType, ReturnMessage } from '@/features/lookup/model/contact';

type ToastItem = Omit<ReturnMessage, 'details'> & { id: number };

const KIND_LABEL: Record<MessageType, string> = {
  success: 'Done',
  warning: 'Note',
  danger: 'Problem',
};
const ERROR_TTL = 10_000;

export interface Toasts {
  items: ToastItem[];
  show: (message: ReturnMessage | null | undefined) => void;
  error: (message: string) => void;
  dismiss: (id: number) => void;
}

export function useToasts(): Toasts {
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  // A timer outliving its toast (dismissed, or replaced by the same message) finds nothing to drop.
  const dismiss = useCallback((id: number) => {
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const push = useCallback(
    (message: string, messageType: MessageType, ttl: number) => {
      const id = nextId.current++;
      setItems((current) => [
        ...current.filter((t) => t.message !== message),
        { id, message, messageType, ttl },
      ]);
      if (ttl > 0) setTimeout(() => dismiss(id), ttl);
    },
    [dismiss],
  );

  return {
    items,
    dismiss,
    show: useCallback(
      (message) => {
        if (message?.message) push(message.message, message.messageType, message.ttl);
      },
      [push],
    ),
    error: useCallback((message) => push(message, 'danger', ERROR_TTL), [push]),
  };
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
            <span className="kind">{KIND_LABEL[item.messageType]}:</span> {item.message}
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
