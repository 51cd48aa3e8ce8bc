import {
  decisionContextOf,
  describeMotivationNote,
  describeNoDestination,
  orderProblems,
  placeDecisionIssues,
  problemAnchor,
  type DecisionContext,
  problemWording,
} from '../../client/src/tables/decision-form';

// What "Besluit vastleggen" says and where (client/src/tables/decision-form.ts): the note under the
// motivation, the destination's empty choice, the summary's order and links, the server's refusal
// at the fields.

const nameOf = (code: string) => ({ GM0034: 'Almere', GM0995: 'Lelystad' })[code] ?? code;
const proposing = (
  outcome: string,
  destination: string | null,
  isDestinationProvisional = false,
): DecisionContext =>
  ({
    tableVersion: 1,
    caseVersion: 1,
    proposal: { result: { outcome, origin: 'GM0034', destination } },
    isDestinationProvisional,
    attendees: [],
  }) as never;

const plainWords =
  'De motivering komt woordelijk in de brief aan de bewoner: schrijf haar in eenvoudige taal.';

describe('describeMotivationNote', () => {
  it.each([
    [
      'the table follows the proposal',
      { rule: 'herkomst', destination: '' },
      proposing('herkomst', 'GM0995'),
      `Niet verplicht: de tafel volgt het voorstel. ${plainWords}`,
    ],
    [
      'another destination than proposed',
      { rule: 'herkomst', destination: 'GM0034' },
      proposing('herkomst', 'GM0995'),
      `Verplicht: de tafel wijkt af van het voorstel. Minstens 10 tekens. ${plainWords}`,
    ],
    [
      'exception B as proposed',
      { rule: 'B', destination: '' },
      proposing('B', 'GM0995'),
      `Verplicht: bij uitzondering A, B en D motiveert de tafel altijd. Minstens 10 tekens. ${plainWords}`,
    ],
    [
      'exception A keeps the motivation out of the letter',
      { rule: 'A', destination: '' },
      proposing('A', 'GM0995'),
      'Verplicht: bij uitzondering A, B en D motiveert de tafel altijd. Minstens 10 tekens. De motivering bij A blijft buiten de brief aan de bewoner (veiligheid).',
    ],
  ] as const)('%s', (_title, values, context, expected) => {
    expect(describeMotivationNote(values, context)).toBe(expected);
  });
});

describe('describeNoDestination', () => {
  it.each([
    [
      'C: the distribution decides',
      'C',
      proposing('C', null),
      'De verdeling naar inwoneraantal bepaalt',
    ],
    [
      'A with a provisional destination: the distribution decides',
      'A',
      proposing('A', 'GM0995', true),
      'De verdeling naar inwoneraantal bepaalt',
    ],
    ['A to the wish: as proposed', 'A', proposing('A', 'GM0995'), 'Zoals voorgesteld: Lelystad'],
    [
      'the proposal names a municipality',
      'herkomst',
      proposing('herkomst', 'GM0034'),
      'Zoals voorgesteld: Almere',
    ],
    ['no destination proposed', 'D', proposing('D', null), 'Kies een gemeente'],
  ] as const)('%s', (_title, rule, context, expected) => {
    expect(describeNoDestination(rule, context, nameOf)).toBe(expected);
  });
});

describe('problemWording', () => {
  it.each([
    ['a field of the decision', 'motivation', 'Geef een motivering.', 'Geef een motivering.'],
    [
      'the first precondition',
      'preconditions.0.ownerOrganisationId',
      'Kies wie dit regelt.',
      'Randvoorwaarde 1: Kies wie dit regelt.',
    ],
    [
      'the fourth',
      'preconditions.3.dueDate',
      'Vul een datum in.',
      'Randvoorwaarde 4: Vul een datum in.',
    ],
  ])('%s', (_label, path, message, expected) => {
    expect(problemWording(path, message)).toBe(expected);
  });
});

describe('the summary of problems', () => {
  it('follows the order of the fields, rows in their own order', () => {
    const problems = [
      { path: 'followUpProviderId', message: 'f' },
      { path: 'preconditions.1.dueDate', message: 'p1' },
      { path: 'attendance.2.reason', message: 'a2' },
      { path: 'preconditions.0.lifeDomain', message: 'p0' },
      { path: 'motivation', message: 'm' },
      { path: 'rule', message: 'r' },
    ];
    expect(orderProblems(problems).map((p) => p.message)).toEqual([
      'r',
      'm',
      'a2',
      'p1',
      'p0',
      'f',
    ]);
  });

  it.each([
    ['attendance.3.isPresent', 'attendance.3.position'],
    ['attendance.3.position', 'attendance.3.position'],
    ['attendance.3.reason', 'attendance.3.reason'],
    ['motivation', 'motivation'],
  ])('%s links to %s', (path, expected) => {
    expect(problemAnchor(path)).toBe(expected);
  });
});

describe("the server's refusal at the fields", () => {
  it('places each issue at its field; what no field shows is said apart', () => {
    const issues = [
      { path: 'motivation', message: 'Motiveer het besluit.' },
      { path: 'votes.1.reason', message: 'Geef een reden.' },
      { path: 'preconditions.0.dueDate', message: 'Kies een datum.' },
      { path: 'caseVersion', message: 'De casus is intussen gewijzigd.' },
    ];
    expect(placeDecisionIssues(issues, [0, 3])).toEqual({
      placed: [
        { field: 'motivation', message: 'Motiveer het besluit.' },
        { field: 'attendance.3.reason', message: 'Geef een reden.' },
        { field: 'preconditions.0.dueDate', message: 'Kies een datum.' },
      ],
      unplaced: ['De casus is intussen gewijzigd.'],
    });
  });
});

describe('decisionContextOf', () => {
  it('takes the versions, the proposal and the support needs from the table and the case', () => {
    const proposal = { result: { outcome: 'C', origin: 'GM0034', destination: null } };
    const attendees = [{ id: 'o1', name: 'Centrada', kind: 'corporation' as const }];
    expect(
      decisionContextOf(
        { version: 7 },
        {
          case: { pseudonym: 'UT-1', version: 4, proposal, supportNeeds: { housing: 'Hulp' } },
          isDestinationProvisional: true,
        } as never,
        attendees,
      ),
    ).toEqual({
      tableVersion: 7,
      caseVersion: 4,
      proposal,
      isDestinationProvisional: true,
      attendees,
      supportNeeds: { housing: 'Hulp' },
    });
  });

  it('a case without a proposal or a version (as the reader may see it)', () => {
    const context = decisionContextOf(
      { version: 1 },
      { case: { pseudonym: 'UT-2' }, isDestinationProvisional: false } as never,
      [],
    );
    expect(context).toMatchObject({ caseVersion: 0, proposal: null });
  });
});
