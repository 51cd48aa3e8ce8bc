import fc from 'fast-check';
import {
  addDays,
  addMonths,
  amsterdamDate,
  amsterdamHour,
  amsterdamYear,
  daysBetween,
  dutchToday,
  dutchWallClockToMoment,
  endOfDutchDay,
  formatDutchDate,
  formatDutchDateAtTime,
  formatDutchDateTime,
  formatDutchDays,
  formatDutchPeriod,
  formatDutchTime,
  formatDutchWeekdayDate,
  formatShortDutchDate,
  isIsoDate,
  quarterOf,
  quarterPeriod,
  startOfDutchDay,
  toDutchDate,
} from './calendar';

describe('the Dutch day of a moment', () => {
  it.each<[string, string, number]>([
    ['2026-01-15T05:59:00Z', '2026-01-15', 6],
    ['2026-01-15T23:30:00Z', '2026-01-16', 0],
    ['2026-12-06T22:59:59Z', '2026-12-06', 23],
    ['2026-12-06T23:00:00Z', '2026-12-07', 0],
    ['2026-12-06T23:30:00Z', '2026-12-07', 0],
    ['2026-06-30T21:59:00Z', '2026-06-30', 23],
    ['2026-06-30T22:00:00Z', '2026-07-01', 0],
    ['2026-07-01T22:30:00Z', '2026-07-02', 0],
    ['2026-07-15T04:59:00Z', '2026-07-15', 6],
    // The spring switch: 02:00 does not exist, 01:00 UTC is 03:00.
    ['2026-03-29T00:30:00Z', '2026-03-29', 1],
    ['2026-03-29T01:30:00Z', '2026-03-29', 3],
    // The autumn switch: 02:00–03:00 comes twice.
    ['2026-10-25T00:30:00Z', '2026-10-25', 2],
    ['2026-10-25T01:30:00Z', '2026-10-25', 2],
    ['2026-10-24T21:59:00Z', '2026-10-24', 23],
    ['2026-10-24T22:00:00Z', '2026-10-25', 0],
    ['2026-12-31T23:00:00Z', '2027-01-01', 0],
  ])('%s is %s, hour %d', (iso, date, hour) => {
    expect(amsterdamDate(new Date(iso))).toBe(date);
    expect(amsterdamDate(iso)).toBe(date);
    expect(amsterdamHour(new Date(iso))).toBe(hour);
  });

  it('reads today from the clock it is given', () => {
    expect(dutchToday(() => new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(dutchToday(() => new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
    expect(amsterdamYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
  });

  it('keeps a calendar date as it is and turns a timestamp into its Dutch day', () => {
    expect(toDutchDate('2026-12-07')).toBe('2026-12-07');
    expect(toDutchDate('2026-12-06T23:30:00.000Z')).toBe('2026-12-07');
  });
});

describe('a Dutch day as moments', () => {
  it.each<[string, string, string, number]>([
    ['2026-12-07', '2026-12-06T23:00:00.000Z', '2026-12-07T23:00:00.000Z', 24],
    ['2026-07-01', '2026-06-30T22:00:00.000Z', '2026-07-01T22:00:00.000Z', 24],
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 23],
    ['2026-10-25', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 25],
  ])('%s runs from %s to %s (%d hours)', (date, start, end, hours) => {
    expect(startOfDutchDay(date).toISOString()).toBe(start);
    expect(endOfDutchDay(date).toISOString()).toBe(end);
    expect((endOfDutchDay(date).getTime() - startOfDutchDay(date).getTime()) / 3_600_000).toBe(
      hours,
    );
  });

  it.each<[string, string, string | null]>([
    ['2026-04-14', '10:00', '2026-04-14T08:00:00.000Z'],
    ['2026-12-07', '10:00', '2026-12-07T09:00:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25', '12:00', '2026-10-25T11:00:00.000Z'],
    ['2026-02-30', '10:00', null],
    ['2026-04-14', '24:00', null],
    ['2026-04-14', '10', null],
  ])('%s %s on a Dutch wall clock is %s', (date, time, iso) => {
    expect(dutchWallClockToMoment(date, time)?.toISOString() ?? null).toBe(iso);
  });

  it('every moment lies within its own Dutch day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2099-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (moment) => {
          const day = amsterdamDate(moment);
          return startOfDutchDay(day) <= moment && moment < endOfDutchDay(day);
        },
      ),
    );
  });
});

describe('calendar arithmetic', () => {
  it.each<[string, number, string]>([
    ['2026-03-30', 3, '2026-04-02'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-10-24', 2, '2026-10-26'],
  ])('%s + %d days = %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it.each<[string, number, string]>([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-06-15', 6, '2026-12-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -13, '2024-12-15'],
  ])('%s + %d months = %s', (date, months, result) => {
    expect(addMonths(date, months)).toBe(result);
  });

  it.each<[string, string, number]>([
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-12-07', '2026-12-07', 0],
    ['2026-12-08', '2026-12-07', -1],
    ['2024-01-01', '2025-01-01', 366],
  ])('from %s to %s is %d days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => daysBetween('2026-12-06T23:30:00Z', '2026-12-07')).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('adding days and counting them agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: -5_000, max: 5_000 }),
        (start, days) => {
          const from = addDays('1990-01-01', start);
          return daysBetween(from, addDays(from, days)) === days;
        },
      ),
    );
  });

  it.each<[string, number, number, string, string]>([
    ['2026-01-01', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-05-20', 2026, 2, '2026-04-01', '2026-06-30'],
    ['2026-09-30', 2026, 3, '2026-07-01', '2026-09-30'],
    ['2026-12-31', 2026, 4, '2026-10-01', '2026-12-31'],
  ])('%s lies in quarter %d-%d (%s to %s)', (date, year, quarter, from, to) => {
    expect(quarterOf(date)).toEqual({ year, quarter });
    expect(quarterPeriod(year, quarter)).toEqual({ from, to });
  });
});

describe('Dutch wording', () => {
  it.each<[string, string]>([
    ['2022-03-01', '1 maart 2022'],
    ['2026-12-07', '7 december 2026'],
    ['2026-12-06T23:30:00Z', '7 december 2026'],
    ['2026-07-01T22:30:00Z', '2 juli 2026'],
    ['2026-02-30', '2026-02-30'],
    ['onzin', 'onzin'],
  ])('%s → %s', (input, output) => {
    expect(formatDutchDate(input)).toBe(output);
  });

  it('writes weekdays, times, moments, short dates, periods and day counts', () => {
    expect(formatDutchWeekdayDate('2026-04-14T08:00:00Z')).toBe('dinsdag 14 april 2026');
    expect(formatDutchWeekdayDate('2026-04-14')).toBe('dinsdag 14 april 2026');
    expect(formatDutchTime('2026-04-14T08:00:00Z')).toBe('10:00');
    expect(formatDutchTime('2026-12-06T23:30:07Z', { withSeconds: true })).toBe('00:30:07');
    expect(formatDutchTime('onzin')).toBe('');
    expect(formatDutchDateTime('2026-03-12T08:05:00Z')).toBe('12 maart 2026, 09:05');
    expect(formatDutchDateTime(new Date('2026-12-06T23:30:00Z'))).toBe('7 december 2026, 00:30');
    expect(formatDutchDateAtTime('2026-07-01T22:30:00Z')).toBe('2 juli 2026 om 00:30');
    expect(formatShortDutchDate('2025-06-03')).toBe('03-06-2025');
    expect(formatShortDutchDate('2026-12-06T23:30:00Z')).toBe('07-12-2026');
    expect(formatDutchPeriod('2013-08-01', '2021-11-15')).toBe(
      '1 augustus 2013 tot 15 november 2021',
    );
    expect(formatDutchPeriod('2013-08-01', undefined)).toBe('vanaf 1 augustus 2013');
    expect(formatDutchDays(1)).toBe('1 dag');
    expect(formatDutchDays(0)).toBe('0 dagen');
  });
});
