import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  exceptionsSchema,
  toProposalInput,
  validateAndPropose,
  type CaseDraft,
  type OriginException,
  type ProposalResult,
  type BindingTestSetting,
  type RegionMunicipality,
  type RuleSetConfig,
} from '@uitstroom/shared';
import type { ProjectedCase } from './case-api';

/**
 * Exceptions A, B and D and the municipalities excluded for the resident's safety, as the case
 * page edits them: one block per exception, switched on with a checkbox. The shared schema and
 * the engine's own cross-checks (B or D in the region, not excluded) are the only judges.
 */

/**
 * An exception that sends the resident to a named municipality, with its motivation: B and D alike
 * (B adds its ground and whether the origin can reach it). The switch and the empty texts are the
 * form's; the shared schema judges the exception they make.
 */
export interface MotivatedExceptionValues {
  isOn: boolean;
  municipality: string;
  motivation: string;
}

export interface ExceptionValues {
  a: { isOn: boolean; motivation: string };
  b: MotivatedExceptionValues & {
    ground: '' | 'netwerk' | 'daginvulling';
    canTravelFromOrigin: '' | 'ja' | 'nee';
  };
  d: MotivatedExceptionValues;
  excluded: string[];
}

type Slot = 'a' | 'b' | 'd';

function motivatedValues(exception: {
  municipality: string;
  motivation: string;
}): MotivatedExceptionValues {
  return { isOn: true, municipality: exception.municipality, motivation: exception.motivation };
}

export function toExceptionValues(view: ProjectedCase): ExceptionValues {
  const values: ExceptionValues = {
    a: { isOn: false, motivation: '' },
    b: { isOn: false, municipality: '', ground: '', canTravelFromOrigin: '', motivation: '' },
    d: { isOn: false, municipality: '', motivation: '' },
    excluded: [...(view.excluded ?? [])],
  };
  for (const exception of view.exceptions ?? []) {
    if (exception.kind === 'A') values.a = { isOn: true, motivation: exception.motivation };
    if (exception.kind === 'B')
      values.b = {
        ...motivatedValues(exception),
        ground: exception.ground,
        canTravelFromOrigin: exception.canTravelFromOrigin ? 'ja' : 'nee',
      };
    if (exception.kind === 'D') values.d = motivatedValues(exception);
  }
  return values;
}

/** The exceptions as the API takes them (not yet validated), and which slot each one came from. */
function toCandidates(values: ExceptionValues): { list: Record<string, unknown>[]; slots: Slot[] } {
  const list: Record<string, unknown>[] = [];
  const slots: Slot[] = [];
  const blank = (v: string) => (v.trim() === '' ? undefined : v);
  if (values.a.isOn) {
    list.push({ kind: 'A', motivation: values.a.motivation });
    slots.push('a');
  }
  const motivated = ({ municipality, motivation }: MotivatedExceptionValues) => ({
    municipality: blank(municipality),
    motivation,
  });
  if (values.b.isOn) {
    list.push({
      kind: 'B',
      ...motivated(values.b),
      ground: values.b.ground || undefined,
      canTravelFromOrigin:
        values.b.canTravelFromOrigin === '' ? undefined : values.b.canTravelFromOrigin === 'ja',
    });
    slots.push('b');
  }
  if (values.d.isOn) {
    list.push({ kind: 'D', ...motivated(values.d) });
    slots.push('d');
  }
  return {
    list: list.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))),
    slots,
  };
}

export interface ExceptionsCheck {
  /** Messages by form field (`b.municipality`, `excluded`). */
  errors: Map<string, string>;
  /** Valid exceptions and excluded municipalities, when there are no errors. */
  value: { exceptions: OriginException[]; excluded: string[] } | null;
  /** The engine's answer for the file with these exceptions; null while the file lacks an admission date. */
  proposal: ProposalResult | null;
}

function draftOf(view: ProjectedCase, exceptions: unknown[], excluded: string[]): CaseDraft {
  return {
    stay: view.stay as CaseDraft['stay'],
    addresses: view.addresses,
    isOriginUntraceable: view.isOriginUntraceable,
    wishes: view.wishes,
    exceptions: exceptions as OriginException[],
    excluded,
  };
}

/** Validates the edit and asks the engine, as the server would, what it proposes with it. */
export function checkExceptions(
  values: ExceptionValues,
  view: ProjectedCase,
  municipalities: readonly RegionMunicipality[],
  referenceDate: string,
  /** The region's minimum-binding test, so that the live proposal is the one the server makes. */
  bindingTest: BindingTestSetting | null = null,
): ExceptionsCheck {
  const { list, slots } = toCandidates(values);
  const excluded = [...new Set(values.excluded ?? [])];
  const errors = new Map<string, string>();
  const addIssue = (path: readonly PropertyKey[], message: string) => {
    const [index, field] = path;
    const slot = typeof index === 'number' ? slots[index] : undefined;
    const name = slot ? `${slot}.${String(field ?? 'motivation')}` : 'excluded';
    if (!errors.has(name)) errors.set(name, message);
  };
  const parsed = exceptionsSchema.safeParse(list);
  if (!parsed.success) for (const issue of parsed.error.issues) addIssue(issue.path, issue.message);

  // toProposalInput reads code, name and population of the region's municipalities, nothing else.
  const ruleSet = {
    municipalities: [...municipalities] as RuleSetConfig['municipalities'],
    bindingTest,
  };
  const input =
    toProposalInput(draftOf(view, list, excluded), ruleSet, {}, referenceDate) ??
    // Without an admission date there is no proposal yet, but the exceptions are still checked against the region.
    toProposalInput(
      {
        ...draftOf(view, list, excluded),
        stay: { targetGroup: 'protectedHousing', admissionDate: referenceDate },
      },
      ruleSet,
      {},
      referenceDate,
    )!;
  const result = validateAndPropose(input);
  if (!result.ok) {
    for (const issue of result.error.error.issues) {
      const match = /^exceptions\.(\d+)\.?(\w*)/.exec(issue.path);
      if (match) addIssue([Number(match[1]), match[2] || 'motivation'], issue.message);
    }
  }
  const hasAdmission = !!view.stay?.admissionDate;
  return {
    errors,
    value: errors.size === 0 && parsed.success ? { exceptions: parsed.data, excluded } : null,
    proposal: hasAdmission ? result : null,
  };
}

/** react-hook-form's resolver over `checkExceptions`: the messages land at their fields. */
export function exceptionsResolver(
  getContext: () => {
    view: ProjectedCase;
    municipalities: readonly RegionMunicipality[];
    referenceDate: string;
    bindingTest: BindingTestSetting | null;
  },
): Resolver<ExceptionValues> {
  return (values) => {
    const { view, municipalities, referenceDate, bindingTest } = getContext();
    const { errors } = checkExceptions(values, view, municipalities, referenceDate, bindingTest);
    if (errors.size === 0) return { values, errors: {} };
    const nested: Record<
      string,
      Record<string, { type: string; message: string }> | { type: string; message: string }
    > = {};
    for (const [path, message] of errors) {
      const [slot, field] = path.split('.') as [string, string | undefined];
      if (!field) nested[slot] = { type: 'validate', message };
      else
        nested[slot] = {
          ...(nested[slot] as Record<string, { type: string; message: string }> | undefined),
          [field]: { type: 'validate', message },
        };
    }
    return { values: {}, errors: nested as FieldErrors<ExceptionValues> };
  };
}
