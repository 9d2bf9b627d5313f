import { describe, expect, it } from 'vitest';
import { rowsAtEitherEnd, type ListPage } from './either-end';

const PAGE = 10;
const BUDGET = 14;

/** A list of `size` rows 0…size-1 served `PAGE` at a time; `flag` says how "more" is told. */
function pagedList(size: number, flag: 'crmFlag' | 'fullPage') {
  const reads: number[] = [];
  const read = (index: number): Promise<ListPage<number>> => {
    reads.push(index);
    const from = Math.min(size, index * PAGE);
    const rows = Array.from({ length: Math.min(size, from + PAGE) - from }, (_, i) => from + i);
    const more = flag === 'crmFlag' ? (index + 1) * PAGE < size : rows.length === PAGE;
    return Promise.resolve({ index, rows, more });
  };
  return { read, reads };
}

const has = async (list: ReturnType<typeof pagedList>, row: number, budget = BUDGET) =>
  (await rowsAtEitherEnd(list.read, budget)).includes(row);

describe('rowsAtEitherEnd', () => {
  for (const flag of ['crmFlag', 'fullPage'] as const) {
    it(`reads the last row of every list size from 1 to 400 (${flag})`, async () => {
      for (let size = 1; size <= 400; size += 1) {
        const list = pagedList(size, flag);
        expect(await has(list, size - 1), `size ${size}`).toBe(true);
        expect(list.reads.length, `size ${size}`).toBeLessThanOrEqual(BUDGET);
      }
    });
  }

  it('reads rows straddling the last two pages, and a short list in one read', async () => {
    expect(await has(pagedList(201, 'crmFlag'), 195)).toBe(true);
    const short = pagedList(7, 'crmFlag');
    expect(await rowsAtEitherEnd(short.read, BUDGET)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(short.reads).toEqual([0]);
  });

  it('does not read the middle, and stops at its budget when the end is too far', async () => {
    expect(await has(pagedList(400, 'crmFlag'), 200)).toBe(false);
    const huge = pagedList(10_000_000, 'fullPage');
    expect(await has(huge, 9_999_999, 6)).toBe(false);
    expect(huge.reads.length).toBeLessThanOrEqual(6);
  });
});
