import type { FieldErrors } from 'react-hook-form';
import {
  formatDutchDateAtTime,
  ruleSetDefaults,
  type RuleSetConfig,
  type RuleSetMunicipality,
} from '@uitstroom/shared';

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
 * A number field's text as a number: blank is NaN (the schema then says what is missing), and the
 * dots and spaces a Dutch reader types between thousands ("228.000") are ignored.
 */
export function parseWholeNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/[.\s\u00a0]/g, '');
  return compact === '' ? Number.NaN : Number(compact);
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
