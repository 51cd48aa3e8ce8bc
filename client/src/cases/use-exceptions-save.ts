import { useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { asVersionConflict, updateCase, type ProjectedCase } from './case-api';
import { messageOf } from '../core/messages';
import { useCaseWrite } from './case-queries';
import { checkExceptions, toExceptionValues, type ExceptionValues } from './exceptions-form';
import type { RegionMunicipalities } from '../core/region';

/** What the exceptions form edits, as one comparable string: to tell whether someone else changed it. */
const sectionsOf = (view: ProjectedCase) =>
  JSON.stringify([view.exceptions ?? [], view.excluded ?? []]);

/**
 * Saving the exceptions on the version they were typed for, and what happens when someone else
 * changed them meanwhile: their version is shown (`theirs`) until the user keeps theirs or their own.
 */
export function useExceptionsSave({
  form,
  view,
  region,
  referenceDate,
  onSaved,
  onTheirs,
}: {
  form: UseFormReturn<ExceptionValues>;
  view: ProjectedCase;
  region: RegionMunicipalities;
  referenceDate: string;
  onSaved(view: ProjectedCase): void;
  onTheirs(view: ProjectedCase): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<ProjectedCase | null>(null);
  // The version the typed exceptions are meant for: after a conflict, theirs.
  const baseVersion = useRef(view.version!);
  // What this form edits, as it stood when the typing began: to tell whether someone else changed it.
  const base = useRef(sectionsOf(view));

  // Someone else saved while this form is open (the page hears it live). The typed input stays as it
  // is. If they changed the exceptions too, both versions are shown and the user chooses; if they
  // changed other parts only, saving these on top of theirs loses nothing of theirs.
  useEffect(() => {
    if (view.version === undefined || view.version <= baseVersion.current) return;
    if (sectionsOf(view) !== base.current) setTheirs(view);
    else baseVersion.current = view.version;
  }, [view]);

  const saveChanges = useCaseWrite((changes: Pick<ProjectedCase, 'exceptions' | 'excluded'>) =>
    updateCase(view.id!, baseVersion.current, changes),
  );
  const save = form.handleSubmit(async (values) => {
    setFailure(null);
    const checked = checkExceptions(
      values,
      view,
      region.municipalities,
      referenceDate,
      region.bindingTest,
    );
    if (!checked.value) return;
    try {
      const saved = await saveChanges.mutateAsync({
        exceptions: checked.value.exceptions,
        excluded: checked.value.excluded,
      });
      setTheirs(null);
      onSaved(saved);
    } catch (caught) {
      const conflict = asVersionConflict(caught);
      if (conflict) {
        setTheirs(conflict.current);
        onTheirs(conflict.current);
        return;
      }
      setFailure(messageOf(caught));
    }
  });

  const buildOnTheirs = (current: ProjectedCase) => {
    baseVersion.current = current.version!;
    base.current = sectionsOf(current);
    setTheirs(null);
  };
  const keepMine = () => {
    buildOnTheirs(theirs!);
    // The typed exceptions go again, now on their version.
    void save();
  };
  const takeTheirs = () => {
    form.reset(toExceptionValues(theirs!));
    buildOnTheirs(theirs!);
  };
  return { save, failure, theirs, keepMine, takeTheirs };
}
