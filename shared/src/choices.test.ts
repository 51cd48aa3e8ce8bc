import { z } from 'zod';
import './validation';
import { caseTransitionRequestSchema } from './cases/case.schemas';
import { recordConsentSchema } from './cases/consent.schemas';
import { dwellingFieldsSchema } from './dwellings/dwelling.schemas';
import {
  answerOfferSchema,
  confirmPlacementSchema,
  moveInSchema,
} from './placements/placement.schemas';
import { closeSupportSchema, raiseSignalSchema } from './support/support.schemas';
import { decisionRuleSchema } from './tables/table.schemas';

/**
 * Issue 27.1: every choice a form leaves empty says what to choose. Each row is a choice of a form
 * left empty ('' from a select, undefined from radios); its message names the choice.
 */
const fieldOf = (schema: z.ZodType, input: unknown, path: string): string | undefined => {
  const result = schema.safeParse(input);
  return result.success
    ? undefined
    : result.error.issues.find((i) => i.path.join('.') === path)?.message;
};

describe('an empty choice says what to choose', () => {
  it.each([
    ['the resident’s answer', answerOfferSchema, {}, 'answer', 'Kies of de bewoner'],
    [
      'the support intensity',
      confirmPlacementSchema,
      {},
      'supportIntensity',
      'Kies de intensiteit',
    ],
    [
      'the tenancy at the move',
      moveInSchema,
      { tenancyForm: '' },
      'tenancyForm',
      'Kies de huurvorm',
    ],
    ['the closing outcome', closeSupportSchema, { outcome: '' }, 'outcome', 'Kies de uitkomst'],
    ['the signal kind', raiseSignalSchema, {}, 'kind', 'Kies de soort signaal'],
    ['the signal severity', raiseSignalSchema, {}, 'severity', 'Kies de ernst'],
    ['the dwelling kind', dwellingFieldsSchema, { kind: '' }, 'kind', 'Kies het type woning'],
    ['the consent method', recordConsentSchema, { method: '' }, 'method', 'Kies hoe'],
    [
      'the withdraw outcome',
      caseTransitionRequestSchema,
      { transition: 'withdraw', outcome: '' },
      'outcome',
      'Kies teruggetrokken',
    ],
  ] as const)('%s', (_name, schema, input, path, start) => {
    const message = fieldOf(schema, input, path);
    expect(message).toMatch(new RegExp(`^${start}`));
  });

  it('a choice without its own words still asks for one, never "Geen geldige keuze."', () => {
    expect(fieldOf(z.object({ x: z.enum(['a', 'b']) }), { x: '' }, 'x')).toBe(
      'Kies een van de mogelijkheden.',
    );
    expect(fieldOf(decisionRuleSchema, '', '')).toBe('Kies de regel of uitzondering.');
  });
});
