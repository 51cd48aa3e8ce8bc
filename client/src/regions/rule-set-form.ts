import type { FieldErrors, Path, UseFormRegister } from 'react-hook-form';
import {
  formatDutchDateAtTime,
  ruleSetDefaults,
  type RuleSetConfig,
  type RuleSetMunicipality,
} from '@uitstroom/shared';
import { wholeNumber } from '../core/whole-number';

/** The id of the input for a dotted path, so that the list of problems can link to it. */
export function fieldId(path: string): string {
  return `regelset-${path.replace(/\./g, '-')}`;
}

export interface FormProblem {
  path: string;
  message: string;
}

/** Every message in react-hook-form's nested errors, with its dotted path (a list's own error at the list). */
export function collectProblems(errors: FieldErrors<RuleSetConfig>): FormProblem[] {
  const problems: FormProblem[] = [];
  const visit = (node: unknown, path: readonly string[]) => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['message'] === 'string' && record['message'] !== '')
      problems.push({ path: path.join('.'), message: record['message'] });
    for (const [key, child] of Object.entries(record)) {
      if (key === 'ref' || key === 'message' || key === 'type' || key === 'types') continue;
      visit(child, key === 'root' ? path : [...path, key]);
    }
  };
  visit(errors, []);
  return problems;
}

/**
 * The props of a whole-number field of the rule set at `path`, for a `WholeNumberField`: its id (the
 * list of problems links to it), its error, and its registration that reads the text as a number.
 */
export function wholeNumberFieldOf(
  register: UseFormRegister<RuleSetConfig>,
  errors: FieldErrors<RuleSetConfig>,
) {
  return (path: Path<RuleSetConfig>) => ({
    id: fieldId(path),
    className: 'rule-set-short',
    error: messageAt(errors, path),
    ...register(path, wholeNumber),
  });
}

/** The message of react-hook-form's nested errors at a dotted path, if there is one. */
export function messageAt(errors: FieldErrors<RuleSetConfig>, path: string): string | undefined {
  const node = path
    .split('.')
    .reduce<unknown>(
      (at, key) =>
        at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
      errors,
    );
  const message = node && typeof node === 'object' ? (node as { message?: unknown }).message : null;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** An empty row; the number fields start blank (react-hook-form shows the text as it is). */
export function newMunicipality(populationYear: number): RuleSetMunicipality {
  return { code: '', name: '', population: '' as unknown as number, populationYear };
}

/** The form of a region that has no rule set yet: the product's defaults and two blank municipalities. */
export function emptyConfig(year: number): RuleSetConfig {
  return {
    ...ruleSetDefaults,
    targetGroups: [...ruleSetDefaults.targetGroups],
    youthAgeBand: { ...ruleSetDefaults.youthAgeBand },
    municipalities: [newMunicipality(year), newMunicipality(year)],
    agreement: {
      firstPeriodStart: '',
      firstPeriodEnd: '',
      extensionYears: ruleSetDefaults.agreement.extensionYears,
    },
  };
}

/** `2025-11-25T09:03:00Z` → `25 november 2025 om 10:03` (Dutch time, whatever the browser's zone). */
export function formatSavedAt(iso: string): string {
  return formatDutchDateAtTime(iso);
}
