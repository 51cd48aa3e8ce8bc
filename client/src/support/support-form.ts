import { useState } from 'react';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../core/api';
import { messageOf } from '../core/messages';
import { useSupportWrite, type ProjectedSupport } from './support-api';

/**
 * What the provider's and the case manager's forms of follow-up support share. Each checks with
 * the shared schema before it sends; the server's answer in the one error shape lands at the field
 * it names, or above the button when it names none (a 409: the case was closed or changed meanwhile).
 */
export interface FormProps {
  caseId: string;
  /** The new support view and what to tell the reader. */
  onSaved(next: ProjectedSupport, notice: string): void;
}

/** When a form is checked: at the first submit, then at every change. */
export const checkOnSubmit = { mode: 'onSubmit', reValidateMode: 'onChange' } as const;

/** The server's refusal: issues at the fields this form has, the rest (and 409s) as one message. */
export function useServerFailure<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly string[],
) {
  const [failure, setFailure] = useState<string | null>(null);
  const report = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
      const placed = error.issues.filter((issue) => fields.includes(issue.path));
      for (const issue of placed) setError(issue.path as Path<T>, { message: issue.message });
      const rest = error.issues.filter((issue) => !fields.includes(issue.path));
      setFailure(
        placed.length > 0 && rest.length === 0
          ? null
          : [error.message, ...rest.map((issue) => issue.message)].join(' '),
      );
      return;
    }
    setFailure(
      error instanceof ApiError && error.code === 'VERSION_CONFLICT'
        ? `${error.message || 'Iemand anders heeft de casus net gewijzigd.'} Laad de pagina opnieuw.`
        : messageOf(error),
    );
  };
  return { failure, setFailure, report };
}

/**
 * A form's write on the support log: `save(call, notice)` sends it, hands the new log and the
 * notice (or the notice made from the new log) to the panel, or shows the refusal.
 */
export function useSupportSave<T extends FieldValues>(
  { caseId, onSaved }: FormProps,
  setError: UseFormSetError<T>,
  fields: readonly string[],
) {
  const write = useSupportWrite(caseId);
  const { failure, setFailure, report } = useServerFailure(setError, fields);
  const save = async (
    call: () => Promise<ProjectedSupport>,
    notice: string | ((next: ProjectedSupport) => string),
  ) => {
    setFailure(null);
    try {
      const next = await write.mutateAsync(call);
      onSaved(next, typeof notice === 'string' ? notice : notice(next));
    } catch (error) {
      report(error);
    }
  };
  return { failure, save };
}
