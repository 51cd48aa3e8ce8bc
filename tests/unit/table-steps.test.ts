import { changedBy, type TableStep } from '../../client/src/tables/table-steps';

// What a step on the table page reads again beside the table its answer replaces
// (client/src/tables/table-steps.ts): the list of tables always; where a case changes state, the
// case lists (the ready cases among them), the tasks and what is read of that case.

const details = {
  startsAt: '2026-04-14T08:00:00.000Z',
  location: null,
  videoUrl: null,
  invitedOrganisationIds: [],
} as never;
const decision = {} as never;

describe('changedBy', () => {
  it.each<[string, TableStep, unknown[]]>([
    ['sharing the agenda', { kind: 'publish' }, [['tables']]],
    ['correcting the table', { kind: 'update', details }, [['tables']]],
    ['ordering the agenda', { kind: 'order', itemIds: ['b', 'a'] }, [['tables']]],
    [
      'closing: the cases not discussed go back',
      { kind: 'close' },
      [['tables'], ['cases'], ['tasks']],
    ],
    [
      'cancelling: every case goes back',
      { kind: 'cancel', reason: 'Te weinig casussen.' },
      [['tables'], ['cases'], ['tasks']],
    ],
    [
      'scheduling a case',
      { kind: 'schedule', caseId: 'c1' },
      [['tables'], ['cases'], ['tasks'], ['case', 'c1']],
    ],
    [
      'taking a case off',
      { kind: 'remove', itemId: 'i1', caseId: 'c1', reason: 'Dubbel geagendeerd.' },
      [['tables'], ['cases'], ['tasks'], ['case', 'c1']],
    ],
    [
      'deferring a case',
      { kind: 'defer', itemId: 'i1', caseId: 'c2', reason: 'Niet besproken.' },
      [['tables'], ['cases'], ['tasks'], ['case', 'c2']],
    ],
    [
      'deciding on a case',
      { kind: 'decide', itemId: 'i1', caseId: 'c3', decision },
      [['tables'], ['cases'], ['tasks'], ['case', 'c3']],
    ],
    [
      'deciding on a case out of reach: only its pseudonym is known',
      { kind: 'decide', itemId: 'i1', caseId: undefined, decision },
      [['tables'], ['cases'], ['tasks']],
    ],
  ])('%s', (_title, step, expected) => {
    expect(changedBy(step)).toEqual(expected);
  });
});
