import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  consentMethods,
  recordConsentSchema,
  type ConsentCategory,
  type OrganisationKind,
  type RegionOrganisation,
} from '@uitstroom/shared';
import { ApiError } from '../../core/api';
import { todayIsoDate } from '../../core/format';
import { checkDocumentFile } from './documents-api';

type ConsentMethod = (typeof consentMethods)[number];

export interface ConsentFormValues {
  organisationId: string;
  categories: ConsentCategory[];
  givenOn: string;
  expiresOn: string;
  method: '' | ConsentMethod;
  witnessName: string;
  signedForm: FileList | null;
}

type FieldName = keyof ConsentFormValues;

/** The signed form is kept with the case's documents, in the category that names the resident. */
export const signedFormCategory: ConsentCategory = 'identityContact';
const witnessRequired = 'Bij mondelinge toestemming is een getuige verplicht.';
// Stands in for the signed form's document id while checking, before the form is uploaded.
const notYetUploaded = '00000000-0000-4000-8000-000000000000';

export function emptyConsentValues(): ConsentFormValues {
  return {
    organisationId: '',
    categories: [],
    givenOn: todayIsoDate(),
    expiresOn: '',
    method: '',
    witnessName: '',
    signedForm: null,
  };
}

/** The form as the API takes it; the shared schema then judges it. */
export function toConsentRequest(
  values: ConsentFormValues,
  documentId: string | undefined,
): Record<string, unknown> {
  return {
    organisationId: values.organisationId,
    categories: Array.isArray(values.categories) ? values.categories : [],
    givenOn: values.givenOn,
    ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
    ...(values.method ? { method: values.method } : {}),
    ...(values.method === 'verbalWithWitness' && values.witnessName.trim()
      ? { witnessName: values.witnessName }
      : {}),
    ...(values.method === 'signedForm' && documentId ? { documentId } : {}),
  };
}

/** The form field an issue of the request's path belongs to; the document id is the signed form. */
export function consentFieldOf(path: string): FieldName | null {
  if (path === 'documentId') return 'signedForm';
  const field = path.split('.')[0];
  return field && field in emptyConsentValues() ? (field as FieldName) : null;
}

/**
 * The shared schema, plus what only the browser knows: the chosen file, and today's date. A
 * witness is asked for at once, also while another field is still wrong (the schema checks it
 * only once all fields are right).
 */
export const consentResolver: Resolver<ConsentFormValues> = async (values) => {
  const errors: FieldErrors<ConsentFormValues> = {};
  const add = (field: FieldName, message: string) => {
    errors[field] ??= { type: 'validation', message };
  };
  const file = values.signedForm?.[0];
  const parsed = recordConsentSchema.safeParse(
    toConsentRequest(values, file ? notYetUploaded : undefined),
  );
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = consentFieldOf(issue.path.join('.'));
      if (field) add(field, issue.message);
    }
  if (values.givenOn && values.givenOn > todayIsoDate())
    add('givenOn', 'De datum van toestemming ligt niet in de toekomst.');
  if (values.method === 'verbalWithWitness' && !values.witnessName.trim())
    add('witnessName', witnessRequired);
  if (values.method === 'signedForm') {
    const fileError = checkDocumentFile(
      file,
      'Kies het ondertekende formulier (een scan of foto).',
    );
    if (fileError) errors.signedForm = { type: 'validation', message: fileError };
  }
  return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
};

/** The server's issues at the fields they concern; none when the refusal concerns no field. */
export function placeConsentIssues(error: unknown): { field: FieldName; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.issues.flatMap((issue) => {
    const field = consentFieldOf(issue.path);
    return field ? [{ field, message: issue.message }] : [];
  });
}

export const kindGroupLabel: Record<OrganisationKind, string> = {
  municipality: 'Gemeenten',
  corporation: 'Woningcorporaties',
  provider: 'Zorgaanbieders',
  coordination: 'Regionale coördinatie',
};
const kindOrder: readonly OrganisationKind[] = [
  'municipality',
  'corporation',
  'provider',
  'coordination',
];

/** The organisations to choose from, per kind in a fixed order and by name within; no empty group. */
export function groupByKind(
  organisations: readonly RegionOrganisation[],
): { kind: OrganisationKind; members: RegionOrganisation[] }[] {
  return kindOrder
    .map((kind) => ({
      kind,
      members: organisations
        .filter((o) => o.kind === kind)
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    }))
    .filter((g) => g.members.length > 0);
}
