import { useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Dwelling } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { messageOf } from '../core/messages';
import {
  asDwellingConflict,
  createDwelling,
  updateDwelling,
  useDwellingWrite,
} from './dwelling-api';
import {
  checkDwelling,
  dwellingFieldOf,
  toDwellingValues,
  type DwellingValues,
} from './dwelling-form';

/**
 * Saving the dwelling form: a new one is created, an edit is saved on the version that was read.
 * A newer version is loaded into the form with a message, never overwritten; the server's issues
 * land at their fields.
 */
export function useDwellingSave(
  form: UseFormReturn<DwellingValues>,
  dwelling: Dwelling | undefined,
  onSaved: (dwelling: Dwelling) => void,
) {
  const write = useDwellingWrite();
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(dwelling?.version ?? 0);

  function showRefusal(error: unknown) {
    const current = asDwellingConflict(error);
    if (current) {
      form.reset(toDwellingValues(current));
      setVersion(current.version);
      setFailure(
        'Iemand anders heeft deze woning intussen gewijzigd. De nieuwste versie staat nu in het formulier; breng uw wijziging opnieuw aan.',
      );
      return;
    }
    const issues = error instanceof ApiError ? error.issues : [];
    for (const issue of issues)
      form.setError(dwellingFieldOf(issue.path), { message: issue.message });
    if (!issues.length) setFailure(messageOf(error, 'De woning kon niet worden opgeslagen.'));
  }

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { input } = checkDwelling(values);
    if (!input) return;
    try {
      onSaved(
        dwelling
          ? await write.mutateAsync(() => updateDwelling(dwelling.id, version, input))
          : await write.mutateAsync(() => createDwelling(input)),
      );
    } catch (error) {
      showRefusal(error);
    }
  });
  return { submit, failure };
}
