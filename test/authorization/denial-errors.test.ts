import { canonicalErrors, comparePaths } from '../../src/shield/denial-errors';

const denied = (coordinate: string, path: Array<string | number>) =>
  ({ message: 'denied', path, extensions: { code: 'FORBIDDEN', coordinate } });

describe('denial errors do not depend on resolver timing (DESIGN §3.5, §3.8)', () => {
  it('orders paths segment by segment, list indexes numerically', () => {
    expect(comparePaths(['a', 2], ['a', 10])).toBeLessThan(0);
    expect(comparePaths(['b'], ['a', 0])).toBeGreaterThan(0);
    expect(comparePaths(['a'], ['a', 0])).toBeLessThan(0);
  });

  it('keeps one error per coordinate, at its smallest path, and sorts errors by path whatever order they came in', () => {
    const arrivals = [
      denied('Product.purchasePrice', ['products', 'nodes', 10, 'purchasePrice']),
      { message: 'resolver failed', path: ['b'] },
      denied('InventoryDocument.total', ['x', 'nodes', 0, 'total']),
      denied('Product.purchasePrice', ['products', 'nodes', 2, 'purchasePrice']),
    ];
    const expected = [arrivals[1], arrivals[3], arrivals[2]];
    expect(canonicalErrors(arrivals)).toEqual(expected);
    expect(canonicalErrors([...arrivals].reverse())).toEqual(expected);
  });
});
