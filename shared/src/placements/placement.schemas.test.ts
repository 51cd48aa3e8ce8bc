import type { z } from 'zod';
import {
  answerOfferSchema,
  confirmPlacementSchema,
  makeOfferSchema,
  moveInSchema,
  providerSettingsSchema,
  refusePlacementSchema,
  withdrawOfferSchema,
} from './placement.schemas';

const id = '6f1b9f7e-4c1d-4d55-9a57-2f8a9c3e1b20';
const moveIn = {
  caseVersion: 7,
  offerVersion: 2,
  keyHandoverDate: '2026-03-10',
  tenancyForm: 'viaProvider',
  agreementConditions:
    'Begeleiding 4 uur per week; na een jaar zonder achterstand gaat de huur op eigen naam.',
};
/** The provider's own settings: the contact the corporation reads at the move (issue 27.2). */
const providerSettings = {
  providerContact: { name: 'Petra Bos', phone: '0320 123 456', emergencyPhone: '+31 320 999 000' },
};

function firstIssue(schema: z.ZodType, input: unknown): { path: string; message: string } | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return { path: issue.path.join('.'), message: issue.message };
}

describe('the requests of offers, placement and the move: good input', () => {
  it.each<[string, z.ZodType, unknown]>([
    ['an offer', makeOfferSchema, { caseVersion: 3, dwellingId: id }],
    ['an acceptance', answerOfferSchema, { caseVersion: 4, offerVersion: 1, answer: 'accepted' }],
    [
      'a refusal by the resident',
      answerOfferSchema,
      {
        caseVersion: 4,
        offerVersion: 1,
        answer: 'declined',
        reason: 'Te ver van haar werk in Almere.',
      },
    ],
    [
      'a withdrawal',
      withdrawOfferSchema,
      {
        caseVersion: 4,
        offerVersion: 1,
        reason: 'Lekkage: de woning is voorlopig niet te verhuren.',
      },
    ],
    [
      'a confirmation',
      confirmPlacementSchema,
      {
        caseVersion: 5,
        offerVersion: 2,
        supportArranged: 'Wmo-begeleiding via Kwintes, 4 uur per week.',
        supportIntensity: 'regular',
      },
    ],
    [
      'a refusal by the municipality',
      refusePlacementSchema,
      { caseVersion: 5, offerVersion: 2, reason: 'Geen begeleiding in te kopen in deze wijk.' },
    ],
    ['a move', moveInSchema, moveIn],
    [
      'a move with the dwelling’s tenancy form and a document',
      moveInSchema,
      { ...moveIn, tenancyForm: undefined, agreementDocumentId: id },
    ],
  ])('%s', (_name, schema, input) => {
    expect(firstIssue(schema, input)).toBeNull();
  });
});

describe('the requests of offers, placement and the move: bad input names its field', () => {
  it.each<[string, z.ZodType, unknown, string, RegExp]>([
    [
      'an offer without a dwelling',
      makeOfferSchema,
      { caseVersion: 3 },
      'dwellingId',
      /Kies een woning/,
    ],
    [
      'an offer of no dwelling id',
      makeOfferSchema,
      { caseVersion: 3, dwellingId: 'woning-1' },
      'dwellingId',
      /Kies een woning/,
    ],
    [
      'an offer without the case version',
      makeOfferSchema,
      { dwellingId: id },
      'caseVersion',
      /versie van de casus/,
    ],
    [
      'an offer with version 0',
      makeOfferSchema,
      { caseVersion: 0, dwellingId: id },
      'caseVersion',
      /versie van de casus/,
    ],
    [
      'an offer with an extra field',
      makeOfferSchema,
      { caseVersion: 3, dwellingId: id, organisationId: id },
      '',
      /onbekend/,
    ],
    [
      'an unknown answer',
      answerOfferSchema,
      { caseVersion: 4, offerVersion: 1, answer: 'maybe' },
      'answer',
      /aanvaardt of afwijst/,
    ],
    [
      'a decline without a reason',
      answerOfferSchema,
      { caseVersion: 4, offerVersion: 1, answer: 'declined' },
      'reason',
      /minstens 10 tekens/,
    ],
    [
      'a decline with a short reason',
      answerOfferSchema,
      { caseVersion: 4, offerVersion: 1, answer: 'declined', reason: 'Nee.' },
      'reason',
      /minstens 10 tekens/,
    ],
    [
      'an answer without the offer version',
      answerOfferSchema,
      { caseVersion: 4, answer: 'accepted' },
      'offerVersion',
      /versie van het aanbod/,
    ],
    [
      'a withdrawal without a reason',
      withdrawOfferSchema,
      { caseVersion: 4, offerVersion: 1 },
      'reason',
      /reden/,
    ],
    [
      'a confirmation without support',
      confirmPlacementSchema,
      { caseVersion: 5, offerVersion: 2, supportIntensity: 'light' },
      'supportArranged',
      /ondersteuning/,
    ],
    [
      'a confirmation with an unknown intensity',
      confirmPlacementSchema,
      {
        caseVersion: 5,
        offerVersion: 2,
        supportArranged: 'Wmo-begeleiding 4 uur.',
        supportIntensity: 'veel',
      },
      'supportIntensity',
      /intensiteit/,
    ],
    [
      'a refusal with a short reason',
      refusePlacementSchema,
      { caseVersion: 5, offerVersion: 2, reason: 'Nee' },
      'reason',
      /minstens 10 tekens/,
    ],
    [
      'a move without a key date',
      moveInSchema,
      { ...moveIn, keyHandoverDate: undefined },
      'keyHandoverDate',
      /sleuteloverdracht/,
    ],
    [
      'a move on no date',
      moveInSchema,
      { ...moveIn, keyHandoverDate: '10-03-2026' },
      'keyHandoverDate',
      /Geen geldige datum/,
    ],
    [
      'a move with an unknown tenancy form',
      moveInSchema,
      { ...moveIn, tenancyForm: 'koop' },
      'tenancyForm',
      /huurvorm/,
    ],
    [
      'a move without the agreement',
      moveInSchema,
      { ...moveIn, agreementConditions: ' ' },
      'agreementConditions',
      /driepartijenovereenkomst/,
    ],
    [
      'provider settings without the 24/7 number',
      providerSettingsSchema,
      { providerContact: { name: 'Petra Bos', phone: '0320 123 456' } },
      'providerContact.emergencyPhone',
      /24\/7/,
    ],
    [
      'provider settings with a phone number of letters',
      providerSettingsSchema,
      { providerContact: { ...providerSettings.providerContact, phone: 'bel maar' } },
      'providerContact.phone',
      /telefoonnummer/,
    ],
    [
      'a move that still names the provider’s contact (it comes from the provider’s settings)',
      moveInSchema,
      { ...moveIn, ...providerSettings },
      '',
      /.+/,
    ],
    [
      'a move with a document id that is no id',
      moveInSchema,
      { ...moveIn, agreementDocumentId: 'overeenkomst.pdf' },
      'agreementDocumentId',
      /document/,
    ],
  ])('%s', (_name, schema, input, path, message) => {
    const issue = firstIssue(schema, input);
    expect(issue?.path).toBe(path);
    expect(issue?.message).toMatch(message);
  });
});
