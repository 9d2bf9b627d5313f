/**
 * `ref={focusOnMount}` instead of `autoFocus`: Preact renders `autoFocus` as the HTML attribute,
 * which Chrome honours once per page, not for a form that opens later. Stable, so it runs once.
 */
export const focusOnMount = (element: HTMLElement | null): void => element?.focus();
