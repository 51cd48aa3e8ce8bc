import { useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { RuleSet, RuleSetConfig, RuleSetDraft } from '@uitstroom/shared';
import { useSaveRuleSet, useSaveRuleSetDraft } from './rule-set-api';
import { saveFailureOf, type SaveConflict } from './rule-set-save';

export interface RuleSetSubmitOptions {
  form: UseFormReturn<RuleSetConfig>;
  base: RuleSet | null;
  draft: RuleSetDraft | null;
  onSaved(ruleSet: RuleSet): void;
  onDraftSaved(): void;
  onConflict(): void;
}

/**
 * Saving the form as a version or as a draft, and what went wrong: a conflict (its alert takes the
 * focus), refused fields (at their fields; the list of problems takes the focus) or a message.
 */
export function useRuleSetSubmit({
  form,
  base,
  draft,
  onSaved,
  onDraftSaved,
  onConflict,
}: RuleSetSubmitOptions) {
  const save = useSaveRuleSet();
  const saveDraft = useSaveRuleSetDraft();
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const conflictAlert = useRef<HTMLDivElement>(null);
  const baseVersion = base?.version ?? 0;
  const focusSummary = () => requestAnimationFrame(() => summary.current?.focus());

  const store = async (config: RuleSetConfig, asDraft: boolean) => {
    if (!asDraft) return onSaved(await save.mutateAsync({ expectedVersion: baseVersion, config }));
    await saveDraft.mutateAsync({
      basedOnVersion: baseVersion,
      expectedRevision: draft?.revision ?? 0,
      config,
    });
    onDraftSaved();
  };

  const fail = (error: unknown) => {
    const failed = saveFailureOf(error, baseVersion);
    if (failed.kind === 'conflict') {
      setConflict(failed.conflict);
      onConflict();
      requestAnimationFrame(() => conflictAlert.current?.focus());
    } else if (failed.kind === 'fields') {
      for (const issue of failed.issues)
        form.setError(issue.path as never, { type: 'server', message: issue.message });
      focusSummary();
    } else setFailure(failed.message);
  };

  const submit = (asDraft: boolean) =>
    form.handleSubmit(async (config) => {
      setFailure(null);
      setConflict(null);
      try {
        await store(config, asDraft);
      } catch (error) {
        fail(error);
      }
    }, focusSummary);

  return {
    onSubmit: submit(false),
    onSubmitDraft: submit(true),
    conflict,
    failure,
    clearFailure: () => setFailure(null),
    summary,
    conflictAlert,
  };
}
