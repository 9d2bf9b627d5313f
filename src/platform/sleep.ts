/** Resolves after `ms`: the real clock that modules take as an injectable `wait` or `sleep`. */
export const sleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));
