import { createContingentSchema, type Contingent, type CreateContingent } from '@uitstroom/shared';
import { addMessage, type FieldMessages } from '../core/form-errors';

/** `4` → 4, `` → null (no number agreed yet); anything else stays text, so the schema says so. */
export function promisedOf(text: string): number | null | string {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The form that adds a contingent: the promised number as typed. */
export interface AddContingentValues {
  organisationId: string;
  municipalityCode: string;
  promised: string;
}

/** Who may add: a corporation for itself (`own`), the regio-beheerder for any corporation (`region`). */
export type ContingentEditScope = 'own' | 'region';

/** The body of `POST /api/contingents` for the form's values (a corporation sends no organisation). */
export function contingentBodyOf(values: AddContingentValues, year: number): CreateContingent {
  return {
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    municipalityCode: values.municipalityCode,
    year,
    promised: promisedOf(values.promised) as number | null,
  };
}

/**
 * The form's messages at its fields, from the schema the server uses: the regio-beheerder chooses a
 * corporation; a municipality not chosen says so rather than the schema's type error.
 */
export function checkAddContingent(
  values: AddContingentValues,
  year: number,
  scope: ContingentEditScope,
): FieldMessages {
  const messages: FieldMessages = new Map();
  if (scope === 'region' && !values.organisationId)
    addMessage(messages, 'organisationId', 'Kies een woningcorporatie.');
  const parsed = createContingentSchema.safeParse({
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    municipalityCode: values.municipalityCode || undefined,
    year,
    promised: promisedOf(values.promised),
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? 'municipalityCode');
      // Only a missing municipality is a type error to explain; "4,5" keeps the schema's own words.
      const isMissingMunicipality = path === 'municipalityCode' && issue.code === 'invalid_type';
      addMessage(messages, path, isMissingMunicipality ? 'Kies een gemeente.' : issue.message);
    }
  return messages;
}

/** The field a message of the server belongs to; one the form does not have goes to the municipality. */
export function addFieldOf(path: string): keyof AddContingentValues {
  return path === 'organisationId' || path === 'promised' ? path : 'municipalityCode';
}

export interface ContingentTotals {
  promised: number;
  offered: number;
  accepted: number;
  movedIn: number;
}

/** The totals over every contingent of the year (not only the page shown); no number counts as 0. */
export function contingentTotals(items: readonly Contingent[]): ContingentTotals {
  return items.reduce(
    (sum, c) => ({
      promised: sum.promised + (c.promised ?? 0),
      offered: sum.offered + c.progress.offered,
      accepted: sum.accepted + c.progress.accepted,
      movedIn: sum.movedIn + c.progress.movedIn,
    }),
    { promised: 0, offered: 0, accepted: 0, movedIn: 0 },
  );
}
