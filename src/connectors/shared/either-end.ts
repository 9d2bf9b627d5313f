// Finds a Save's records in a CRM list of undocumented order and no total: they are at one end,
// so the first page is read, then the last two (the newest rows may straddle them).

/** One page of a list, by page index. `more`: the CRM says (or a full page implies) more follow. */
export type ListPage<T> = { index: number; rows: T[]; more: boolean };

type ReadPage<T> = (index: number) => Promise<ListPage<T>>;

// Finds the last page without a total: gallop 1, 2, 4, 8… past the first page, then bisect.
// Null when `budget` requests run out.
async function lastPage<T>(
  read: ReadPage<T>,
  first: ListPage<T>,
  budget: number,
): Promise<ListPage<T> | null> {
  let below = first; // the furthest page read that has more after it
  let pastEnd: number | null = null; // the nearest page index read as empty
  for (let step = 1; budget > 0; budget -= 1) {
    const index: number = pastEnd === null ? below.index + step : (below.index + pastEnd) >> 1;
    // The end fell on the last row of `below` (a full page with nothing after it).
    if (index === below.index) return below;
    const page = await read(index);
    if (page.rows.length === 0) pastEnd = index;
    else if (!page.more) return page;
    else below = page;
    step *= 2;
  }
  return null;
}

/** The first page's rows and, when there are more, the last two pages'. At most `budget` reads. */
export async function rowsAtEitherEnd<T>(read: ReadPage<T>, budget: number): Promise<T[]> {
  const first = await read(0);
  if (!first.more) return first.rows;
  // Two pages of the budget go to the first page and the one before the last.
  const last = await lastPage(read, first, budget - 2);
  if (!last) return first.rows;
  const before = last.index > 1 ? (await read(last.index - 1)).rows : [];
  return [...first.rows, ...before, ...last.rows];
}
