import { addDays, addMonths, dutchToday } from '../calendar/calendar';
import { createCaseSchema, updateCaseSchema } from './case.schemas';

const today = dutchToday();
const stay = { targetGroup: 'protectedHousing' } as const;

describe('a birth date is plausible (refused at its field otherwise)', () => {
  it.each([
    ['today', today, null],
    ['yesterday', addDays(today, -1), null],
    ['120 years ago', addMonths(today, -1440), null],
    ['tomorrow', addDays(today, 1), 'De geboortedatum ligt in de toekomst.'],
    ['in 2031', '2031-03-04', 'De geboortedatum ligt in de toekomst.'],
    ['a year 1026 typo', '1026-03-04', 'De geboortedatum ligt meer dan 120 jaar terug.'],
    ['121 years ago', addMonths(today, -1452), 'De geboortedatum ligt meer dan 120 jaar terug.'],
  ])('%s (%s)', (_label, birthDate, message) => {
    const created = createCaseSchema.safeParse({
      identity: { firstName: 'Sanne', lastName: 'Willems', birthDate },
      stay,
    });
    const updated = updateCaseSchema.safeParse({
      version: 1,
      changes: { identity: { firstName: 'Sanne', lastName: 'Willems', birthDate } },
    });
    for (const result of [created, updated]) {
      if (message === null) {
        expect(result.error?.issues.filter((i) => i.path.includes('birthDate'))).toBeUndefined();
      } else {
        const issue = result.error?.issues.find((i) =>
          i.path.join('.').endsWith('identity.birthDate'),
        );
        expect(issue?.message).toBe(message);
      }
    }
  });
});
