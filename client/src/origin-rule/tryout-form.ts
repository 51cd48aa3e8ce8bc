import type { FieldPath } from 'react-hook-form';
import {
  amsterdamDate,
  formatDutchInteger,
  nameMunicipality,
  validateAndPropose,
  type AddressKind,
  type ErrorIssue,
  type ExceptionKind,
  type Proposal,
  type ProposalOutcome,
  type SupportGround,
} from '@uitstroom/shared';
import { isTryoutRegionKey, tryoutRegions, type TryoutRegionKey } from './tryout-regions';

/**
 * The try-out form of "Zo werkt de herkomstregel": what the visitor types (all text, as inputs
 * give it), how that becomes the engine's input, and how the engine's issues find their way back
 * to the fields. The engine's own validation is the only judge; the form adds no rules of its own.
 */

/** The choice in a municipality select for "a municipality outside the region, by CBS code". */
export const outsideRegion = 'buiten-regio';

export interface AddressRow {
  /** A code of the region, `outsideRegion`, or '' (not chosen yet). */
  municipality: string;
  /** The CBS code when `municipality` is `outsideRegion`. */
  outsideCode: string;
  kind: AddressKind | '';
  from: string;
  /** Empty: the address is still current. */
  to: string;
}

export interface TryoutValues {
  regionKey: TryoutRegionKey;
  /** The region's minimum-binding test: M of the last W years (as typed) when it applies. */
  bindingTest: { applies: boolean; minYears: string; withinYears: string };
  admissionDate: string;
  addresses: AddressRow[];
  /** '' for no wish, a code of the region, or `outsideRegion`. */
  wish: string;
  wishOutsideCode: string;
  excluded: string[];
  exceptionA: { applies: boolean; motivation: string };
  exceptionB: {
    applies: boolean;
    municipality: string;
    ground: SupportGround | '';
    canTravelFromOrigin: 'ja' | 'nee' | '';
    motivation: string;
  };
  exceptionD: { applies: boolean; municipality: string; motivation: string };
  /** Allocations by distribution so far, per code of the region; '' counts as none. */
  placements: Record<string, string>;
}

export type TryoutField = FieldPath<TryoutValues>;

export const emptyAddress: AddressRow = {
  municipality: '',
  outsideCode: '',
  kind: 'woonadres',
  from: '',
  to: '',
};

export function regionOf(values: Pick<TryoutValues, 'regionKey'>) {
  return tryoutRegions[isTryoutRegionKey(values.regionKey) ? values.regionKey : 'flevoland'];
}

/** Form values for a region; what is not given is empty. */
export function completeValues(
  values: Partial<TryoutValues> & Pick<TryoutValues, 'regionKey'>,
): TryoutValues {
  const region = tryoutRegions[values.regionKey];
  const placements: Record<string, string> = {};
  for (const municipality of region.municipalities)
    placements[municipality.code] = values.placements?.[municipality.code] ?? '';
  return {
    regionKey: values.regionKey,
    bindingTest: { applies: false, minYears: '2', withinYears: '5', ...values.bindingTest },
    admissionDate: values.admissionDate ?? '',
    addresses: values.addresses ?? [{ ...emptyAddress }],
    wish: values.wish ?? '',
    wishOutsideCode: values.wishOutsideCode ?? '',
    excluded: values.excluded ?? [],
    exceptionA: { applies: false, motivation: '', ...values.exceptionA },
    exceptionB: {
      applies: false,
      municipality: '',
      ground: '',
      canTravelFromOrigin: '',
      motivation: '',
      ...values.exceptionB,
    },
    exceptionD: { applies: false, municipality: '', motivation: '', ...values.exceptionD },
    placements,
  };
}

/**
 * The same case in another region: a municipality that is not in the new region becomes one
 * "outside the region" (Lelystad is outside Midden-IJssel), and one typed as outside that is in
 * it becomes a choice of the list. What only makes sense inside a region is cleared.
 */
export function moveToRegion(values: TryoutValues, regionKey: TryoutRegionKey): TryoutValues {
  const codes = new Set<string>(tryoutRegions[regionKey].municipalities.map((m) => m.code));
  const place = (choice: string, outsideCode: string): { choice: string; outsideCode: string } => {
    if (choice === outsideRegion)
      return codes.has(outsideCode.trim())
        ? { choice: outsideCode.trim(), outsideCode: '' }
        : { choice, outsideCode };
    if (choice === '' || codes.has(choice)) return { choice, outsideCode };
    return { choice: outsideRegion, outsideCode: choice };
  };
  const wish = place(values.wish, values.wishOutsideCode);
  const inRegion = (code: string) => (codes.has(code) ? code : '');
  return completeValues({
    ...values,
    regionKey,
    addresses: values.addresses.map((address) => {
      const moved = place(address.municipality, address.outsideCode);
      return { ...address, municipality: moved.choice, outsideCode: moved.outsideCode };
    }),
    wish: wish.choice,
    wishOutsideCode: wish.outsideCode,
    excluded: values.excluded.filter((code) => codes.has(code)),
    exceptionB: { ...values.exceptionB, municipality: inRegion(values.exceptionB.municipality) },
    exceptionD: { ...values.exceptionD, municipality: inRegion(values.exceptionD.municipality) },
  });
}

/** Today in the Netherlands (the one calendar), as the engine's `referenceDate`. */
export function todayIsoDate(now = new Date()): string {
  return amsterdamDate(now);
}

/** An empty text is an absent field, so the engine says "verplicht" rather than "geen datum". */
function given(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

function chosenCode(choice: string, outsideCode: string): string | undefined {
  return choice === outsideRegion ? given(outsideCode) : given(choice);
}

function toCount(text: string | undefined): number | string | undefined {
  const trimmed = given(text);
  if (trimmed === undefined) return undefined;
  // Not a number: pass the text on, so that the engine's own message reaches the field.
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export interface EngineInput {
  readonly input: Record<string, unknown>;
  /** The kind of each entry of `input.exceptions`, by position, to place issues at its fields. */
  readonly exceptionKinds: readonly ExceptionKind[];
}

/** The form as the engine's input (`rule-engine-contract.md`), without judging it. */
export function toEngineInput(values: TryoutValues, referenceDate: string): EngineInput {
  const region = regionOf(values);
  const exceptions: Record<string, unknown>[] = [];
  const exceptionKinds: ExceptionKind[] = [];
  if (values.exceptionA.applies) {
    exceptions.push({ kind: 'A', motivation: values.exceptionA.motivation });
    exceptionKinds.push('A');
  }
  if (values.exceptionB.applies) {
    const b = values.exceptionB;
    exceptions.push({
      kind: 'B',
      municipality: given(b.municipality),
      ground: given(b.ground),
      canTravelFromOrigin:
        b.canTravelFromOrigin === '' ? undefined : b.canTravelFromOrigin === 'ja',
      motivation: b.motivation,
    });
    exceptionKinds.push('B');
  }
  if (values.exceptionD.applies) {
    exceptions.push({
      kind: 'D',
      municipality: given(values.exceptionD.municipality),
      motivation: values.exceptionD.motivation,
    });
    exceptionKinds.push('D');
  }
  const placements: Record<string, number | string> = {};
  for (const municipality of region.municipalities) {
    const count = toCount(values.placements[municipality.code]);
    if (count !== undefined) placements[municipality.code] = count;
  }
  const binding = values.bindingTest;
  return {
    input: {
      referenceDate,
      region: {
        municipalities: region.municipalities.map((m) => ({ ...m })),
        ...(binding.applies
          ? {
              bindingTest: {
                minYears: toCount(binding.minYears),
                withinYears: toCount(binding.withinYears),
              },
            }
          : {}),
      },
      resident: {
        admissionDate: given(values.admissionDate),
        addresses: values.addresses.map((address) => ({
          municipality: chosenCode(address.municipality, address.outsideCode),
          kind: given(address.kind),
          from: given(address.from),
          to: given(address.to),
        })),
        wish: chosenCode(values.wish, values.wishOutsideCode),
        excluded: values.excluded,
      },
      exceptions,
      distribution: { placements },
    },
    exceptionKinds,
  };
}

export interface FieldIssue {
  /** The form field the issue belongs to; null when no field of the form holds it. */
  readonly field: TryoutField | null;
  /** What the field is called, for the list of problems above the proposal. */
  readonly label: string;
  readonly message: string;
}

export type TryoutResult =
  | { readonly ok: true; readonly proposal: Proposal }
  | {
      readonly ok: false;
      readonly issues: readonly FieldIssue[];
      readonly errorsByField: ReadonlyMap<TryoutField, string>;
    };

/** The proposal for the form's case, computed in the browser by the shared engine. */
export function proposeForForm(values: TryoutValues, referenceDate: string): TryoutResult {
  const { input, exceptionKinds } = toEngineInput(values, referenceDate);
  const result = validateAndPropose(input);
  if (result.ok) return { ok: true, proposal: result.proposal };
  const issues = result.error.error.issues.map((issue) =>
    placeIssue(issue, values, exceptionKinds),
  );
  const errorsByField = new Map<TryoutField, string>();
  for (const issue of issues) {
    if (issue.field === null) continue;
    const earlier = errorsByField.get(issue.field);
    errorsByField.set(issue.field, earlier ? `${earlier} ${issue.message}` : issue.message);
  }
  return { ok: false, issues, errorsByField };
}

const exceptionFields = ['motivation', 'municipality', 'ground', 'canTravelFromOrigin'] as const;

/** An engine issue (dotted path into its input) at the form field that holds that value. */
export function placeIssue(
  issue: ErrorIssue,
  values: TryoutValues,
  exceptionKinds: readonly ExceptionKind[],
): FieldIssue {
  const field = fieldForPath(issue.path, values, exceptionKinds);
  return {
    field,
    label: field ? labelForField(field, values) : `Invoer (${issue.path || 'geheel'})`,
    message: issue.message,
  };
}

function fieldForPath(
  path: string,
  values: TryoutValues,
  exceptionKinds: readonly ExceptionKind[],
): TryoutField | null {
  if (path === 'resident.admissionDate') return 'admissionDate';
  if (path === 'region.bindingTest.minYears') return 'bindingTest.minYears';
  if (path === 'region.bindingTest.withinYears') return 'bindingTest.withinYears';
  if (path.startsWith('region.bindingTest')) return 'bindingTest.applies';
  if (path === 'resident.wish') return values.wish === outsideRegion ? 'wishOutsideCode' : 'wish';
  if (path === 'resident.excluded' || path.startsWith('resident.excluded.')) return 'excluded';

  const address = /^resident\.addresses\.(\d+)\.(municipality|kind|from|to)$/.exec(path);
  if (address) {
    const index = Number(address[1]);
    const part = address[2] as 'municipality' | 'kind' | 'from' | 'to';
    if (part === 'municipality' && values.addresses[index]?.municipality === outsideRegion)
      return `addresses.${index}.outsideCode`;
    return `addresses.${index}.${part}`;
  }

  const exception = /^exceptions\.(\d+)\.(\w+)$/.exec(path);
  if (exception) {
    const kind = exceptionKinds[Number(exception[1])];
    const part = exception[2];
    if (kind === undefined) return null;
    if (part === 'kind') return `exception${kind}.applies`;
    if (kind === 'A') return part === 'motivation' ? 'exceptionA.motivation' : 'exceptionA.applies';
    if (kind === 'D')
      return part === 'motivation' || part === 'municipality'
        ? `exceptionD.${part}`
        : 'exceptionD.applies';
    return (exceptionFields as readonly string[]).includes(part ?? '')
      ? `exceptionB.${part as (typeof exceptionFields)[number]}`
      : 'exceptionB.applies';
  }

  const placement = /^distribution\.placements\.(GM\d{4})$/.exec(path);
  if (placement && Object.hasOwn(values.placements, placement[1] ?? ''))
    return `placements.${placement[1]}`;
  return null;
}

/** What a field is called in the list of problems: the label, with the row where it has one. */
export function labelForField(field: TryoutField, values: TryoutValues): string {
  const address = /^addresses\.(\d+)\.(\w+)$/.exec(field);
  if (address) {
    const parts: Record<string, string> = {
      municipality: 'gemeente',
      outsideCode: 'CBS-code',
      kind: 'soort adres',
      from: 'vanaf',
      to: 'tot',
    };
    return `Adres ${Number(address[1]) + 1}: ${parts[address[2] ?? ''] ?? address[2]}`;
  }
  const placement = /^placements\.(GM\d{4})$/.exec(field);
  if (placement)
    return `Plaatsingen in ${nameMunicipality(placement[1] ?? '', regionOf(values).municipalities)}`;
  return fieldLabels[field] ?? field;
}

const fieldLabels: Partial<Record<TryoutField, string>> = {
  'bindingTest.applies': 'Minimale binding',
  'bindingTest.minYears': 'Minimale binding: minstens aantal jaren',
  'bindingTest.withinYears': 'Minimale binding: van de laatste aantal jaren',
  admissionDate: 'Datum van de opname',
  wish: 'Woonwens',
  wishOutsideCode: 'Woonwens: CBS-code',
  excluded: 'Uitgesloten gemeenten',
  'exceptionA.applies': 'Uitzondering A',
  'exceptionA.motivation': 'Motivering bij uitzondering A',
  'exceptionB.applies': 'Uitzondering B',
  'exceptionB.municipality': 'Uitzondering B: gemeente',
  'exceptionB.ground': 'Uitzondering B: wat is er in die gemeente',
  'exceptionB.canTravelFromOrigin': 'Uitzondering B: te bereizen vanuit de herkomstgemeente',
  'exceptionB.motivation': 'Motivering bij uitzondering B',
  'exceptionD.applies': 'Uitzondering D',
  'exceptionD.municipality': 'Uitzondering D: gemeente',
  'exceptionD.motivation': 'Motivering bij uitzondering D',
};

/** The id of the element that holds a field (for a group: its first option), for links and focus. */
export function fieldId(field: TryoutField): string {
  return `proef-${field.replace(/\./g, '-')}`;
}

export const outcomeLabels: Record<ProposalOutcome, string> = {
  herkomst: 'Terug naar de gemeente van herkomst',
  A: 'Uitzondering A: belemmeringen in de herkomstgemeente',
  B: 'Uitzondering B: betere kansen elders',
  C: 'Uitzondering C: herkomst onvindbaar, verdeling naar inwoneraantal',
  D: 'Uitzondering D: anders echt niet passend',
  buiten_regio: 'Herkomst buiten de regio: verwijzen',
};

/** A municipality option's text: `Almere (226.500 inwoners)`. */
export function describeMunicipality(municipality: {
  readonly name: string;
  readonly population: number;
}): string {
  return `${municipality.name} (${formatDutchInteger(municipality.population)} inwoners)`;
}
