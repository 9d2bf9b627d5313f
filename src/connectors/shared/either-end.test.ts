import { describe, expect, it } from 'vitest';
import { findAtEitherEnd, type ListPage } from './either-end';

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

describe('findAtEitherEnd', () => {
  for (const flag of ['crmFlag', 'fullPage'] as const) {
    it(`finds the last row of every list size from 1 to 400 (${flag})`, async () => {
      for (let size = 1; size <= 400; size += 1) {
        const list = pagedList(size, flag);
        const found = await findAtEitherEnd(list.read, (row) => row === size - 1, BUDGET);
        expect(found, `size ${size}`).toBe(size - 1);
        expect(list.reads.length, `size ${size}`).toBeLessThanOrEqual(BUDGET);
      }
    });
  }

  it('finds a row straddling the last two pages, and the first row with one read', async () => {
    const list = pagedList(201, 'crmFlag');
    await expect(findAtEitherEnd(list.read, (row) => row === 195, BUDGET)).resolves.toBe(195);
    const first = pagedList(5000, 'crmFlag');
    await expect(findAtEitherEnd(first.read, (row) => row === 0, BUDGET)).resolves.toBe(0);
    expect(first.reads).toEqual([0]);
  });

  it('does not look in the middle, and stops at its budget when the end is too far', async () => {
    const middle = pagedList(400, 'crmFlag');
    await expect(findAtEitherEnd(middle.read, (row) => row === 200, BUDGET)).resolves.toBe(
      undefined,
    );
    const huge = pagedList(10_000_000, 'fullPage');
    await expect(findAtEitherEnd(huge.read, (row) => row === 9_999_999, 6)).resolves.toBe(
      undefined,
    );
    expect(huge.reads.length).toBeLessThanOrEqual(6);
  });
});
