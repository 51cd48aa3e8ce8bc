import { preconditionsFromSupportNeeds } from '../../client/src/tables/decision-form';

describe("the intake's support needs start the decision's preconditions", () => {
  it.each([
    ['none recorded', undefined, []],
    ['blank texts count as none', { housing: '  ', participation: '' }, []],
    [
      'one per life domain, in the form order, the owner and date left to the table',
      { supportAndCare: ' Ambulante begeleiding ', incomeAndDebts: 'Bewindvoering loopt.' },
      [
        {
          lifeDomain: 'incomeAndDebts',
          description: 'Bewindvoering loopt.',
          ownerOrganisationId: '',
          dueDate: '',
        },
        {
          lifeDomain: 'supportAndCare',
          description: 'Ambulante begeleiding',
          ownerOrganisationId: '',
          dueDate: '',
        },
      ],
    ],
    [
      'a long need is cut to what a precondition holds',
      { housing: 'x'.repeat(700) },
      [
        {
          lifeDomain: 'housing',
          description: 'x'.repeat(500),
          ownerOrganisationId: '',
          dueDate: '',
        },
      ],
    ],
  ] as const)('%s', (_label, needs, expected) => {
    expect(preconditionsFromSupportNeeds(needs)).toEqual(expected);
  });
});
