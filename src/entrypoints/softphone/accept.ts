/** The one gate for window messages: only the hosted softphone frame, at its configured origin. */
export interface MessageOrigin {
  source: unknown;
  origin: string;
}

export function isFromSoftphone(
  event: MessageOrigin,
  frame: unknown,
  softphoneOrigin: string,
): boolean {
  return frame != null && event.source === frame && event.origin === softphoneOrigin;
}
