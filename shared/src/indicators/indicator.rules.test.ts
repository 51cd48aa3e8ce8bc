import { seats } from '../auth/seats';
import { countText, seesSmallCounts, shownCount, shownFigure } from './indicator.rules';

describe('small counts', () => {
  it.each([
    [0, true, 0],
    [1, true, '<5'],
    [4, true, '<5'],
    [5, true, 5],
    [120, true, 120],
    [0, false, 0],
    [1, false, 1],
    [4, false, 4],
  ])('a count of %p with suppression %p is shown as %p', (count, suppress, shown) => {
    expect(shownCount(count, suppress)).toBe(shown);
  });

  it.each([
    [12.5, 3, true, null],
    [12.5, 5, true, 12.5],
    [12.5, 3, false, 12.5],
    [null, 0, true, null],
  ])(
    'a figure %p of a group of %p with suppression %p is shown as %p',
    (figure, count, suppress, shown) => {
      expect(shownFigure(figure, count, suppress)).toBe(shown);
    },
  );

  it('only the chair and the regionAdmin see small counts', () => {
    expect(seats.filter(seesSmallCounts)).toEqual(['chair', 'regionAdmin']);
  });

  it.each([
    [7, '7'],
    ['<5', '<5'],
    [0, '0'],
  ] as const)('%p reads %p', (count, text) => {
    expect(countText(count)).toBe(text);
  });
});
