import type { Resolver } from 'react-hook-form';
import {
  dwellingInputSchema,
  type Dwelling,
  type DwellingField,
  type DwellingInput,
} from '@uitstroom/shared';
import { addMessage, toFieldErrors, type FieldMessages } from '../core/form-errors';

/** The dwelling form as typed: text everywhere, yes/no as radio values; the shared schema judges. */
export interface DwellingValues {
  street: string;
  houseNumber: string;
  postcode: string;
  municipalityCode: string;
  neighbourhood: string;
  kind: string;
  rooms: string;
  rent: string;
  floor: string;
  hasLift: '' | 'ja' | 'nee';
  isWheelchairAccessible: '' | 'ja' | 'nee';
  accessibilityNotes: string;
  availableFrom: string;
  tenancyForm: string;
  conversionDate: string;
  conversionConditions: string;
}

export const emptyDwelling: DwellingValues = {
  street: '',
  houseNumber: '',
  postcode: '',
  municipalityCode: '',
  neighbourhood: '',
  kind: '',
  rooms: '',
  rent: '',
  floor: '0',
  hasLift: '',
  isWheelchairAccessible: '',
  accessibilityNotes: '',
  availableFrom: '',
  tenancyForm: '',
  conversionDate: '',
  conversionConditions: '',
};

const yesNo = (value: boolean): 'ja' | 'nee' => (value ? 'ja' : 'nee');
const decimal = (value: number) => String(value).replace('.', ',');

export function toDwellingValues(d: Dwelling): DwellingValues {
  return {
    street: d.street,
    houseNumber: d.houseNumber,
    postcode: d.postcode,
    municipalityCode: d.municipalityCode,
    neighbourhood: d.neighbourhood,
    kind: d.kind,
    rooms: String(d.rooms),
    rent: decimal(d.rent),
    floor: String(d.floor),
    hasLift: yesNo(d.hasLift),
    isWheelchairAccessible: yesNo(d.isWheelchairAccessible),
    accessibilityNotes: d.accessibilityNotes ?? '',
    availableFrom: d.availableFrom,
    tenancyForm: d.tenancyForm,
    conversionDate: d.conversionDate ?? '',
    conversionConditions: d.conversionConditions ?? '',
  };
}

const blank = (value: string) => (value.trim() === '' ? undefined : value);
/** A number as typed (a decimal comma allowed); what is no number stays text, so the schema says so. */
function number(value: string): number | string | undefined {
  const trimmed = value.trim().replace(/^€\s*/, '');
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed.replace(',', '.'));
  return /^-?\d+(?:[.,]\d+)?$/.test(trimmed) && Number.isFinite(parsed) ? parsed : trimmed;
}
const choice = (value: '' | 'ja' | 'nee') => (value === '' ? undefined : value === 'ja');

/** The form as the API takes it (not yet validated): blanks left out, numbers and yes/no typed. */
export function toDwellingInput(v: DwellingValues): Record<string, unknown> {
  const input: Record<string, unknown> = {
    street: v.street,
    houseNumber: v.houseNumber,
    postcode: v.postcode,
    municipalityCode: blank(v.municipalityCode),
    neighbourhood: v.neighbourhood,
    kind: blank(v.kind),
    rooms: number(v.rooms),
    rent: number(v.rent),
    floor: number(v.floor),
    hasLift: choice(v.hasLift),
    isWheelchairAccessible: choice(v.isWheelchairAccessible),
    accessibilityNotes: blank(v.accessibilityNotes),
    availableFrom: blank(v.availableFrom),
    tenancyForm: blank(v.tenancyForm),
    // A regular tenancy is in the resident's name already: the form hides the conversion, and drops what it held.
    ...(v.tenancyForm === 'regular'
      ? {}
      : {
          conversionDate: blank(v.conversionDate),
          conversionConditions: blank(v.conversionConditions),
        }),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

const fields = Object.keys(emptyDwelling) as (keyof DwellingValues)[];

/** A path the API or the schema reports (`rent`, `dwelling.rent`) → the form field that shows it. */
export function dwellingFieldOf(path: string): keyof DwellingValues {
  const key = path.replace(/^dwelling\./, '').split('.')[0] as DwellingField;
  return (fields as string[]).includes(key) ? (key as keyof DwellingValues) : 'street';
}

export function checkDwelling(values: DwellingValues): {
  messages: FieldMessages;
  input: DwellingInput | null;
} {
  const messages: FieldMessages = new Map();
  const parsed = dwellingInputSchema.safeParse(toDwellingInput(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = dwellingFieldOf(issue.path.join('.'));
      // A missing value gets the question the field asks, not zod's generic "required".
      addMessage(
        messages,
        field,
        values[field].trim() === '' && requiredMessage[field]
          ? requiredMessage[field]
          : issue.message,
      );
    }
  }
  return { messages, input: parsed.success ? parsed.data : null };
}

const requiredMessage: Record<keyof DwellingValues, string> = {
  street: 'Vul de straat in.',
  houseNumber: 'Vul het huisnummer in.',
  postcode: 'Vul de postcode in.',
  municipalityCode: 'Kies de gemeente.',
  neighbourhood: 'Vul de wijk in.',
  kind: 'Kies het type woning.',
  rooms: 'Vul het aantal kamers in.',
  rent: 'Vul de huur per maand in.',
  floor: 'Vul de verdieping in (0 is de begane grond).',
  hasLift: 'Kies of er een lift is.',
  isWheelchairAccessible: 'Kies of de woning rolstoeltoegankelijk is.',
  accessibilityNotes: '',
  availableFrom: 'Kies de datum waarop de woning vrijkomt.',
  tenancyForm: 'Kies de huurvorm.',
  conversionDate: '',
  conversionConditions: '',
};

/** The shared schema judges; its messages land at the fields as typed. */
export const dwellingResolver: Resolver<DwellingValues> = (values) => {
  const { messages } = checkDwelling(values);
  return messages.size === 0
    ? { values, errors: {} }
    : { values: {}, errors: toFieldErrors<DwellingValues>(messages) };
};
