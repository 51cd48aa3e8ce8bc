import { z } from 'zod';
import {
  caseSectionsSchema,
  createCaseSchema,
  lifeDomains,
  type AddressKind,
  type CaseSectionName,
  type CaseSections,
  type CreateCase,
  type LifeDomain,
  type TargetGroup,
} from '@uitstroom/shared';
import type { ProjectedCase } from './case-api';

/**
 * The intake form as the browser holds it: text as the inputs give it, structured like the case's
 * sections so that the shared schemas' issues land on the right field. `toSections` turns it into
 * the sections the API takes; each section is then checked with its own shared schema, and only a
 * valid section is ever sent.
 */

export const otherMunicipality = 'andere';

export interface AddressRow {
  /** A code of the region, `otherMunicipality`, or '' (not chosen yet). */
  municipality: string;
  /** The CBS code when `municipality` is `otherMunicipality`. */
  otherCode: string;
  kind: AddressKind | '';
  from: string;
  to: string;
  source: '' | 'brp' | 'resident' | 'providerFile';
  street: string;
}

export interface IntakeValues {
  identity: { firstName: string; lastName: string; birthDate: string; bsn: string };
  contact: { phone: string; email: string; note: string };
  household: { adults: string; children: string; description: string };
  stay: { targetGroup: TargetGroup | ''; facility: string; admissionDate: string };
  addresses: AddressRow[];
  isOriginUntraceable: boolean;
  wishes: {
    municipalities: { code: string }[];
    /** Free text about wijken (what was typed before the lists, or a remark beside them). */
    neighbourhoodNote: string;
    dwellingType: string;
    ownWords: string;
  };
  housingNeeds: {
    rooms: string;
    groundFloorOrLift: '' | 'ja' | 'nee';
    usesWheelchair: '' | 'ja' | 'nee';
    accessibility: string;
    pets: string;
    maxRent: string;
    wishedMoveDate: string;
    /** Wijk names from the region's list, as the checkboxes give them. */
    wishedNeighbourhoods: string[];
    avoidedNeighbourhoods: string[];
  };
  supportNeeds: Record<LifeDomain, string>;
  sensitive: { diagnoses: string; addiction: string; risks: string; safety: string };
}

/** The sections the intake writes; exceptions and excluded municipalities are set on the case page. */
export const intakeSections = [
  'identity',
  'contact',
  'household',
  'stay',
  'addresses',
  'isOriginUntraceable',
  'wishes',
  'housingNeeds',
  'supportNeeds',
  'sensitive',
] as const satisfies readonly CaseSectionName[];
export type IntakeSection = (typeof intakeSections)[number];

export const emptyAddress = (): AddressRow => ({
  municipality: '',
  otherCode: '',
  kind: '',
  from: '',
  to: '',
  source: '',
  street: '',
});

export function emptyIntakeValues(): IntakeValues {
  return {
    identity: { firstName: '', lastName: '', birthDate: '', bsn: '' },
    contact: { phone: '', email: '', note: '' },
    household: { adults: '', children: '', description: '' },
    stay: { targetGroup: '', facility: '', admissionDate: '' },
    addresses: [],
    isOriginUntraceable: false,
    wishes: { municipalities: [], neighbourhoodNote: '', dwellingType: '', ownWords: '' },
    housingNeeds: {
      rooms: '',
      groundFloorOrLift: '',
      usesWheelchair: '',
      accessibility: '',
      pets: '',
      maxRent: '',
      wishedMoveDate: '',
      wishedNeighbourhoods: [],
      avoidedNeighbourhoods: [],
    },
    supportNeeds: Object.fromEntries(lifeDomains.map((d) => [d, ''])) as Record<LifeDomain, string>,
    sensitive: { diagnoses: '', addiction: '', risks: '', safety: '' },
  };
}

// ---- form → sections ----

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value);
/** A number as typed (a decimal comma allowed); what is no number stays text, so the schema says so. */
function number(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : trimmed;
}
const drop = <T extends Record<string, unknown>>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

/** The checked wijken, or nothing when none is (a draft saved before the lists has none at all). */
function names(checked: unknown): string[] | undefined {
  const list = Array.isArray(checked) ? checked.filter((n) => typeof n === 'string' && n) : [];
  return list.length ? list : undefined;
}

/** Each section as the API would take it; not yet validated. */
export function toSections(values: IntakeValues): Record<IntakeSection, unknown> {
  const v = values;
  return {
    identity: drop({
      firstName: v.identity.firstName,
      lastName: v.identity.lastName,
      birthDate: optional(v.identity.birthDate),
      // People type a BSN with spaces or dots; the 11-test reads the digits.
      bsn: optional(v.identity.bsn.replace(/[\s.]/g, '')),
    }),
    contact: drop({
      phone: optional(v.contact.phone),
      email: optional(v.contact.email.trim()),
      note: optional(v.contact.note),
    }),
    household: drop({
      adults: number(v.household.adults),
      children: number(v.household.children),
      description: optional(v.household.description),
    }),
    stay: drop({
      targetGroup: v.stay.targetGroup || undefined,
      facility: optional(v.stay.facility),
      admissionDate: optional(v.stay.admissionDate),
    }),
    addresses: v.addresses.map((row) =>
      drop({
        municipality:
          row.municipality === otherMunicipality
            ? optional(row.otherCode.trim().toUpperCase())
            : row.municipality || undefined,
        kind: row.kind || undefined,
        from: optional(row.from),
        to: optional(row.to),
        source: row.source || undefined,
        street: optional(row.street),
      }),
    ),
    isOriginUntraceable: v.isOriginUntraceable,
    wishes: drop({
      municipalities: v.wishes.municipalities.map((m) => m.code).filter(Boolean).length
        ? v.wishes.municipalities.map((m) => m.code).filter(Boolean)
        : undefined,
      neighbourhoodNote: optional(v.wishes.neighbourhoodNote ?? ''),
      dwellingType: v.wishes.dwellingType || undefined,
      ownWords: optional(v.wishes.ownWords),
    }),
    housingNeeds: drop({
      rooms: number(v.housingNeeds.rooms),
      groundFloorOrLift:
        v.housingNeeds.groundFloorOrLift === ''
          ? undefined
          : v.housingNeeds.groundFloorOrLift === 'ja',
      usesWheelchair:
        v.housingNeeds.usesWheelchair === '' ? undefined : v.housingNeeds.usesWheelchair === 'ja',
      accessibility: optional(v.housingNeeds.accessibility),
      pets: optional(v.housingNeeds.pets),
      maxRent: number(v.housingNeeds.maxRent),
      wishedMoveDate: optional(v.housingNeeds.wishedMoveDate),
      wishedNeighbourhoods: names(v.housingNeeds.wishedNeighbourhoods),
      avoidedNeighbourhoods: names(v.housingNeeds.avoidedNeighbourhoods),
    }),
    supportNeeds: drop(
      Object.fromEntries(lifeDomains.map((d) => [d, optional(v.supportNeeds[d])])),
    ),
    sensitive: drop({
      diagnoses: optional(v.sensitive.diagnoses),
      addiction: optional(v.sensitive.addiction),
      risks: optional(v.sensitive.risks),
      safety: optional(v.sensitive.safety),
    }),
  };
}

export const sectionSchemas = caseSectionsSchema.shape;

export type SectionCheck =
  | { ok: true; value: CaseSections[IntakeSection] }
  | { ok: false; issues: { path: string; message: string }[] };

export function checkSection(name: IntakeSection, candidate: unknown): SectionCheck {
  const result = (sectionSchemas[name] as z.ZodType).safeParse(candidate);
  if (result.success) return { ok: true, value: result.data as CaseSections[IntakeSection] };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: [name, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  };
}

/** What `POST /api/cases` needs, once names and target group are valid; optional fields that are not yet valid wait for autosave. */
export function toCreateRequest(candidates: Record<IntakeSection, unknown>): CreateCase | null {
  const identity = candidates.identity as Record<string, unknown>;
  const stay = candidates.stay as Record<string, unknown>;
  const attempts: unknown[] = [
    { identity, stay },
    { identity: { firstName: identity['firstName'], lastName: identity['lastName'] }, stay },
    { identity, stay: { targetGroup: stay['targetGroup'] } },
    {
      identity: { firstName: identity['firstName'], lastName: identity['lastName'] },
      stay: { targetGroup: stay['targetGroup'] },
    },
  ];
  for (const attempt of attempts) {
    const parsed = createCaseSchema.safeParse(attempt);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/**
 * The resolver's schema: each section from the form's text, checked with the shared schema. Issues
 * keep the section's paths (`identity.bsn`, `addresses.0.from`), which are the form's field names.
 */
export function intakeResolverSchema() {
  return z.preprocess(
    (values) => toSections(values as IntakeValues),
    z.object(
      Object.fromEntries(intakeSections.map((name) => [name, sectionSchemas[name]])) as {
        [K in IntakeSection]: (typeof sectionSchemas)[K];
      },
    ),
  );
}

// ---- sections → form ----

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : String(value);

const yesNoOf = (value: unknown): '' | 'ja' | 'nee' =>
  value === undefined ? '' : value ? 'ja' : 'nee';

function addressesToValues(section: unknown, regionCodes: ReadonlySet<string>) {
  return ((section as CaseSections['addresses'] | undefined) ?? []).map((a) => {
    const isInRegion = regionCodes.has(a.municipality);
    return {
      municipality: isInRegion ? a.municipality : otherMunicipality,
      otherCode: isInRegion ? '' : a.municipality,
      kind: a.kind,
      from: a.from,
      to: a.to ?? '',
      source: a.source,
      street: a.street ?? '',
    };
  });
}

function housingNeedsToValues(s: Record<string, unknown>): IntakeValues['housingNeeds'] {
  return {
    rooms: text(s['rooms']),
    groundFloorOrLift: yesNoOf(s['groundFloorOrLift']),
    usesWheelchair: yesNoOf(s['usesWheelchair']),
    accessibility: text(s['accessibility']),
    pets: text(s['pets']),
    maxRent: s['maxRent'] === undefined ? '' : String(s['maxRent']).replace('.', ','),
    wishedMoveDate: text(s['wishedMoveDate']),
    wishedNeighbourhoods: [...((s['wishedNeighbourhoods'] as string[] | undefined) ?? [])],
    avoidedNeighbourhoods: [...((s['avoidedNeighbourhoods'] as string[] | undefined) ?? [])],
  };
}

/** The form's text for one section of the server's file. */
export function sectionToValues<K extends IntakeSection>(
  name: K,
  section: unknown,
  regionCodes: ReadonlySet<string>,
): IntakeValues[K] {
  const empty = emptyIntakeValues();
  const s = (section ?? {}) as Record<string, unknown>;
  switch (name) {
    case 'identity':
      return {
        firstName: text(s['firstName']),
        lastName: text(s['lastName']),
        birthDate: text(s['birthDate']),
        bsn: text(s['bsn']),
      } as IntakeValues[K];
    case 'contact':
      return {
        phone: text(s['phone']),
        email: text(s['email']),
        note: text(s['note']),
      } as IntakeValues[K];
    case 'household':
      return {
        adults: text(s['adults']),
        children: text(s['children']),
        description: text(s['description']),
      } as IntakeValues[K];
    case 'stay':
      return {
        targetGroup: (s['targetGroup'] as TargetGroup | undefined) ?? '',
        facility: text(s['facility']),
        admissionDate: text(s['admissionDate']),
      } as IntakeValues[K];
    case 'addresses':
      return addressesToValues(section, regionCodes) as IntakeValues[K];
    case 'isOriginUntraceable':
      return (section === true) as IntakeValues[K];
    case 'wishes':
      return {
        municipalities: ((s['municipalities'] as string[] | undefined) ?? []).map((code) => ({
          code,
        })),
        neighbourhoodNote: text(s['neighbourhoodNote']),
        dwellingType: text(s['dwellingType']),
        ownWords: text(s['ownWords']),
      } as IntakeValues[K];
    case 'housingNeeds':
      return housingNeedsToValues(s) as IntakeValues[K];
    case 'supportNeeds':
      return Object.fromEntries(lifeDomains.map((d) => [d, text(s[d])])) as IntakeValues[K];
    case 'sensitive':
      return {
        diagnoses: text(s['diagnoses']),
        addiction: text(s['addiction']),
        risks: text(s['risks']),
        safety: text(s['safety']),
      } as IntakeValues[K];
  }
  return empty[name];
}

export function viewToValues(view: ProjectedCase, regionCodes: ReadonlySet<string>): IntakeValues {
  const values = emptyIntakeValues();
  for (const name of intakeSections) {
    if (view[name] !== undefined)
      (values as unknown as Record<string, unknown>)[name] = sectionToValues(
        name,
        view[name],
        regionCodes,
      );
  }
  return values;
}

/** The sections of the server's file the intake compares against (absent ones as the server reads them). */
export function viewToBase(view: ProjectedCase): Record<IntakeSection, unknown> {
  return {
    identity: view.identity ?? {},
    contact: view.contact ?? {},
    household: view.household ?? {},
    stay: view.stay ?? {},
    addresses: view.addresses ?? [],
    isOriginUntraceable: view.isOriginUntraceable ?? false,
    wishes: view.wishes ?? {},
    housingNeeds: view.housingNeeds ?? {},
    supportNeeds: view.supportNeeds ?? {},
    sensitive: view.sensitive ?? {},
  };
}

/** JSON with sorted keys and without undefined: two equal sections give the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

// ---- the steps ----

export const intakeSteps = [
  { slug: 'bewoner', title: 'Bewoner', sections: ['identity', 'stay', 'contact', 'household'] },
  { slug: 'verblijf', title: 'Verblijf', sections: ['stay'] },
  { slug: 'adressen', title: 'Adresgeschiedenis', sections: ['addresses', 'isOriginUntraceable'] },
  { slug: 'wensen', title: 'Wensen', sections: ['wishes'] },
  { slug: 'woonbehoeften', title: 'Woonbehoeften', sections: ['housingNeeds'] },
  { slug: 'ondersteuning', title: 'Ondersteuning', sections: ['supportNeeds'] },
  { slug: 'gevoelig', title: 'Gevoelige informatie', sections: ['sensitive'] },
  { slug: 'controle', title: 'Controle', sections: [] },
] as const satisfies readonly { slug: string; title: string; sections: readonly IntakeSection[] }[];
export type IntakeStepSlug = (typeof intakeSteps)[number]['slug'];

export function isStepSlug(value: string | null): value is IntakeStepSlug {
  return intakeSteps.some((s) => s.slug === value);
}

/** The step where a field lives: the target group is asked with the name, since it is needed to register. */
export function stepOfPath(path: string): IntakeStepSlug {
  if (path === 'stay.targetGroup') return 'bewoner';
  const section = path.split('.')[0];
  if (section === 'stay') return 'verblijf';
  const step = intakeSteps.find((s) => (s.sections as readonly string[]).includes(section ?? ''));
  return step?.slug ?? 'controle';
}

export function stepTitle(slug: IntakeStepSlug): string {
  return intakeSteps.find((s) => s.slug === slug)!.title;
}
