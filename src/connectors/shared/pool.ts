/**
 * Runs tasks with at most `limit` in flight and resolves in input order. After the first
 * failure no new task starts (the lookup has failed; more requests only spend the CRM's rate
 * limit), the ones in flight are allowed to finish, and then that first failure is thrown, so
 * no request outlives the call. Local to one call (no module state).
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (next < items.length && failure === null) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
