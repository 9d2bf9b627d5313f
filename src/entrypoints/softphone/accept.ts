/** The one gate for window messages: only the hosted softphone frame, at its configured origin. */
export const isFromSoftphone = (
  event: { source: unknown; origin: string },
  frame: unknown,
  softphoneOrigin: string,
): boolean => frame != null && event.source === frame && event.origin === softphoneOrigin;
