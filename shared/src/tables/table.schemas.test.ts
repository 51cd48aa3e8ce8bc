import type { z } from 'zod';
import { toErrorIssues } from '../validation';
import {
  addToAgendaSchema,
  decisionInputSchema,
  deferSchema,
  orderAgendaSchema,
  tableDecisionViewSchema,
  tableDetailsSchema,
  updateTableSchema,
} from './table.schemas';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const plan = {
  title: 'Uitstroomtafel Flevoland maart',
  startsAt: '2026-03-12T09:00:00Z',
  location: 'Stadhuis Almere',
  invitedOrganisationIds: [id(1), id(2)],
};
const decision = {
  version: 3,
  caseVersion: 7,
  rule: 'herkomst',
  present: [{ organisationId: id(1), seat: 'municipality' }],
  votes: [{ organisationId: id(1), seat: 'municipality', position: 'agree' }],
  preconditions: [
    {
      lifeDomain: 'incomeAndDebts',
      description: 'Bewindvoering overgedragen',
      ownerOrganisationId: id(1),
      dueDate: '2026-04-01',
    },
  ],
  followUpProviderId: id(3),
};
const objection = {
  organisationId: id(2),
  seat: 'corporation',
  position: 'object',
  reason: 'Eerst een woning in Lelystad beschikbaar.',
};
const with_ = <T extends object>(base: T, change: Record<string, unknown>) => ({
  ...base,
  ...change,
});

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : toErrorIssues(result.error);
}

// Each row: what is wrong, the schema, the input, the path the error names, and (part of) its message.
const refused: [string, z.ZodType, unknown, string, string][] = [
  [
    'a title of two characters',
    tableDetailsSchema,
    with_(plan, { title: 'Ab' }),
    'title',
    'Geef de tafel een naam',
  ],
  [
    'a moment that does not exist',
    tableDetailsSchema,
    with_(plan, { startsAt: '2026-13-01T10:00:00Z' }),
    'startsAt',
    'Geen geldig tijdstip.',
  ],
  [
    'a moment without a zone',
    tableDetailsSchema,
    with_(plan, { startsAt: '2026-03-12T10:00:00' }),
    'startsAt',
    'Geen geldig tijdstip.',
  ],
  [
    'a video link over http',
    tableDetailsSchema,
    with_(plan, { videoUrl: 'http://meet.example.nl/tafel' }),
    'videoUrl',
    'Een videolink begint met https://.',
  ],
  [
    'a municipality that is no CBS code',
    tableDetailsSchema,
    with_(plan, { municipalityCode: 'Almere' }),
    'municipalityCode',
    'CBS',
  ],
  [
    'an organisation invited twice',
    tableDetailsSchema,
    with_(plan, { invitedOrganisationIds: [id(1), id(1)] }),
    'invitedOrganisationIds',
    'Elke organisatie één keer.',
  ],
  [
    'an unknown field',
    tableDetailsSchema,
    with_(plan, { regionId: id(9) }),
    'regionId',
    'onbekend',
  ],
  ['an update without a version', updateTableSchema, { details: plan }, 'version', ''],
  [
    'a case that is no id',
    addToAgendaSchema,
    { version: 1, caseId: 'casus-1', caseVersion: 1 },
    'caseId',
    'Onbekende casus.',
  ],
  ['an empty order', orderAgendaSchema, { version: 1, itemIds: [] }, 'itemIds', ''],
  [
    'a deferral without a reason',
    deferSchema,
    { version: 1, reason: 'Later' },
    'reason',
    'Geef een reden van minstens 10 tekens.',
  ],
  [
    'an unknown rule',
    decisionInputSchema,
    with_(decision, { rule: 'E' }),
    'rule',
    'Kies de regel of uitzondering.',
  ],
  [
    'no one present',
    decisionInputSchema,
    with_(decision, { present: [] }),
    'present',
    'Wie waren er aanwezig?',
  ],
  [
    'an objection without a reason',
    decisionInputSchema,
    with_(decision, { votes: [{ ...objection, reason: 'nee' }] }),
    'votes.0.reason',
    'Een bezwaar heeft een reden van minstens 10 tekens.',
  ],
  [
    'a dispute without an objection',
    decisionInputSchema,
    with_(decision, { isDisputed: true }),
    'isDisputed',
    'Een geschil gaat over een bezwaar',
  ],
  [
    'a precondition without a life domain',
    decisionInputSchema,
    with_(decision, { preconditions: [{ ...decision.preconditions[0], lifeDomain: 'geld' }] }),
    'preconditions.0.lifeDomain',
    'Kies het leefgebied.',
  ],
  [
    'a precondition due on 30 February',
    decisionInputSchema,
    with_(decision, { preconditions: [{ ...decision.preconditions[0], dueDate: '2026-02-30' }] }),
    'preconditions.0.dueDate',
    'Geen geldige datum',
  ],
  [
    'a precondition without an owner',
    decisionInputSchema,
    with_(decision, {
      preconditions: [{ ...decision.preconditions[0], ownerOrganisationId: undefined }],
    }),
    'preconditions.0.ownerOrganisationId',
    'Kies wie dit regelt.',
  ],
  [
    'a seat that does not exist',
    decisionInputSchema,
    with_(decision, { present: [{ organisationId: id(1), seat: 'wethouder' }] }),
    'present.0.seat',
    '',
  ],
];

describe('the table schemas refuse', () => {
  it.each(refused)('%s', (_what, schema, input, path, message) => {
    const issues = issuesOf(schema, input);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toContain(message);
  });
});

const accepted: [string, z.ZodType, unknown][] = [
  ['a plan for the whole region', tableDetailsSchema, plan],
  [
    'a plan for one municipality, by video',
    tableDetailsSchema,
    with_(plan, {
      municipalityCode: 'GM0995',
      videoUrl: 'https://meet.example.nl/tafel',
      location: undefined,
    }),
  ],
  [
    'a plan with no one invited yet',
    tableDetailsSchema,
    with_(plan, { invitedOrganisationIds: [] }),
  ],
  [
    'a time with an offset',
    tableDetailsSchema,
    with_(plan, { startsAt: '2026-03-12T10:00:00+01:00' }),
  ],
  ['a decision that follows the proposal', decisionInputSchema, decision],
  [
    'a dispute over an objection',
    decisionInputSchema,
    with_(decision, { votes: [decision.votes[0], objection], isDisputed: true }),
  ],
  [
    'a decision by distribution (no destination)',
    decisionInputSchema,
    with_(decision, { rule: 'C' }),
  ],
  [
    'a referral to the origin region',
    decisionInputSchema,
    with_(decision, {
      rule: 'buiten_regio',
      followUpProviderId: undefined,
      referralSummary: 'Herkomst Amsterdam; overdracht.',
    }),
  ],
];

describe('the table schemas accept', () => {
  it.each(accepted)('%s', (_what, schema, input) => {
    expect(issuesOf(schema, input)).toEqual([]);
  });

  it('a decision is not disputed unless the table says so', () => {
    expect(decisionInputSchema.parse(decision).isDisputed).toBe(false);
  });
});

describe('the decision as the table view shows it', () => {
  const view = {
    rule: 'A',
    destination: 'GM0050',
    proposedDestination: 'GM0050',
    departsFromProposal: false,
    ruleSetVersion: 1,
    followUpProvider: 'Kwintes',
    isDisputed: false,
    decidedAt: '2026-03-12T10:30:00.000Z',
    decidedBy: 'Voorzitter',
    present: [
      { organisationId: id(1), organisationName: 'Gemeente Lelystad', seat: 'municipality' },
    ],
    votes: [],
    preconditions: [],
  };

  it('holds without the motivation (a seat that does not read the exceptions)', () => {
    expect(tableDecisionViewSchema.safeParse(view).success).toBe(true);
  });

  it('drops what it does not name', () => {
    expect(tableDecisionViewSchema.parse({ ...view, allocationId: id(5) })).not.toHaveProperty(
      'allocationId',
    );
  });

  it('refuses a decision without a rule or with an unnamed organisation present', () => {
    expect(
      issuesOf(tableDecisionViewSchema, { ...view, rule: undefined }).map((i) => i.path),
    ).toContain('rule');
    expect(
      issuesOf(tableDecisionViewSchema, {
        ...view,
        present: [{ organisationId: id(1), seat: 'municipality' }],
      }).map((i) => i.path),
    ).toContain('present.0.organisationName');
  });
});
