import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useMutation } from '@tanstack/react-query';
import type { CaseSections } from '@uitstroom/shared';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { createCase, updateCase, type ProjectedCase } from './case-api';
import { draftKey, isDraftUsable, readDraft, removeDraft } from './intake-drafts';
import { createSaveQueue, isSavedWhole } from './intake-autosave-plan';
import {
  acceptView,
  currentKey,
  keepDraft,
  saveOnce,
  setConflictList,
  type AutosaveContext,
  type AutosaveMemory,
  type SaveStatus,
  type SectionConflict,
} from './intake-autosave-steps';
import {
  emptyIntakeValues,
  sectionToValues,
  toSections,
  viewToValues,
  type IntakeSection,
  type IntakeValues,
} from './intake-form';

export type { SaveStatus, SectionConflict } from './intake-autosave-steps';
export { draftKey, readDraft, removeDraft } from './intake-drafts';

/**
 * Autosave of the intake, and "nothing lost":
 * - 800 ms after the last change, every section that differs from the server's file and is valid
 *   is sent (PATCH, each section whole) with the version of the last answer; an invalid section
 *   shows its errors and waits;
 * - the raw form is kept in localStorage on every change, with the version it was typed on, and
 *   dropped once everything is saved; a reload restores it;
 * - without a connection the save is retried when the browser is back online (and every 15 s);
 * - a stale write (409) adopts the other person's changes in sections the user did not touch, and
 *   for sections both changed shows theirs beside the kept input until the user chooses.
 * The decisions are pure functions (intake-autosave-plan.ts); the rounds of a save are in
 * intake-autosave-steps.ts; the hooks below wire them to React, the form and the cache.
 */

const debounceMs = 800;

interface Options {
  form: UseFormReturn<IntakeValues>;
  userId: string;
  regionCodes: ReadonlySet<string>;
  /** Called once the first save created the case. */
  onCreated(view: ProjectedCase): void;
}

export function useIntakeAutosave({ form, userId, regionCodes, onCreated }: Options) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'new' });
  const [view, setView] = useState<ProjectedCase | null>(null);
  const [conflicts, setConflicts] = useState<SectionConflict[]>([]);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const ctx = useAutosaveContext(
    { form, userId, regionCodes, onCreated },
    {
      setStatus,
      setView,
      setConflicts,
    },
  );
  useSaveTriggers(ctx);
  const start = useStart(ctx, setRestoredAt);
  const { resolveConflict, saveNow } = useConflictAndSaveNow(ctx);
  const acceptTransition = useCallback(
    (next: ProjectedCase) => {
      acceptView(ctx, next);
      removeDraft(currentKey(ctx));
    },
    [ctx],
  );
  const discardNewDraft = useCallback(() => {
    removeDraft(draftKey(userId, null));
    setRestoredAt(null);
    form.reset(emptyIntakeValues());
    setStatus({ kind: 'new' });
  }, [form, userId]);
  const caseId = useCallback(() => ctx.memory.caseId, [ctx]);
  return {
    status,
    view,
    conflicts,
    restoredAt,
    start,
    resolveConflict,
    saveNow,
    acceptTransition,
    discardNewDraft,
    /** The case the autosave works on (null until the first save created it). */
    caseId,
  };
}

/** The autosave's writes: mutations whose answers the autosave keeps itself; the case lists read again. */
function useAutosaveWrites() {
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
  const create = useMutation({ mutationFn: createCase, onSuccess }).mutateAsync;
  const update = useMutation({
    mutationFn: (args: { caseId: string; version: number; changes: Partial<CaseSections> }) =>
      updateCase(args.caseId, args.version, args.changes),
    onSuccess,
  }).mutateAsync;
  return { create, update };
}

/** One context per intake: the memory, the setters and the writes, stable across renders. */
function useAutosaveContext(
  options: Options,
  setters: Pick<AutosaveContext, 'setStatus' | 'setView' | 'setConflicts'>,
): AutosaveContext {
  const writes = useAutosaveWrites();
  const latest = useRef({ ...options, ...writes });
  latest.current = { ...options, ...writes };
  const [ctx] = useState<AutosaveContext>(() => {
    const memory: AutosaveMemory = {
      caseId: null,
      base: null,
      pendingBase: null,
      pendingView: null,
      conflicts: [],
      started: false,
      timer: undefined,
      retry: undefined,
      changeCount: 0,
      lastSavedAt: null,
      isOffline: false,
    };
    const context: AutosaveContext = {
      form: options.form,
      memory,
      userId: options.userId,
      regionCodes: options.regionCodes,
      ...setters,
      create: (request) => latest.current.create(request),
      update: (caseId, version, changes) => latest.current.update({ caseId, version, changes }),
      onCreated: (view) => latest.current.onCreated(view),
      requestSave: () => queue.request(),
      runAgain: () => queue.runAgain(),
    };
    const queue = createSaveQueue(
      () => saveOnce(context),
      () => memory.conflicts.length > 0,
    );
    return context;
  });
  ctx.form = options.form;
  ctx.userId = options.userId;
  ctx.regionCodes = options.regionCodes;
  return ctx;
}

/** Every change keeps the raw form at once and saves after a pause; back online saves too. */
function useSaveTriggers(ctx: AutosaveContext) {
  const { form } = ctx;
  useEffect(() => {
    const subscription = form.watch(() => {
      if (!ctx.memory.started) return;
      ctx.memory.changeCount += 1;
      keepDraft(ctx);
      window.clearTimeout(ctx.memory.timer);
      ctx.memory.timer = window.setTimeout(() => void requestNow(ctx), debounceMs);
    });
    return () => subscription.unsubscribe();
  }, [ctx, form]);

  useEffect(() => {
    const online = () => {
      if (ctx.memory.isOffline) void requestNow(ctx);
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(ctx.memory.retry);
      // Leaving the page within the pause after typing: save now rather than wait for the next visit.
      if (ctx.memory.timer !== undefined) void requestNow(ctx);
    };
  }, [ctx]);
}

/** A save now: the pending pause and retry are cancelled. */
function requestNow(ctx: AutosaveContext): Promise<void> {
  window.clearTimeout(ctx.memory.timer);
  ctx.memory.timer = undefined;
  window.clearTimeout(ctx.memory.retry);
  return ctx.requestSave();
}

/** Start on a loaded case (or on a new one: null), restoring what was typed and not yet saved. */
function useStart(ctx: AutosaveContext, setRestoredAt: (at: string | null) => void) {
  return useCallback(
    (loaded: ProjectedCase | null) => {
      const { memory, form } = ctx;
      memory.caseId = loaded?.id ?? null;
      const draft = readDraft(currentKey(ctx));
      if (loaded) acceptView(ctx, loaded);
      if (draft && isDraftUsable(draft, loaded)) {
        // The typed input goes back on the version it was typed on: if the file moved on since, the
        // save meets a 409 and the user sees both.
        if (draft.base) memory.base = draft.base;
        form.reset(draft.values);
        setRestoredAt(draft.savedAt);
        memory.started = true;
        ctx.setStatus(loaded ? { kind: 'saving' } : { kind: 'new' });
        void requestNow(ctx);
        return;
      }
      if (draft) removeDraft(currentKey(ctx));
      form.reset(loaded ? viewToValues(loaded, ctx.regionCodes) : emptyIntakeValues());
      memory.started = true;
      ctx.setStatus(loaded ? { kind: 'saved', at: null } : { kind: 'new' });
    },
    [ctx, setRestoredAt],
  );
}

/** The user's choice in a conflict, and "save now" before marking the case ready. */
function useConflictAndSaveNow(ctx: AutosaveContext) {
  /** The user's choice for one section of a conflict: keep the typed input, or take theirs. */
  const resolveConflict = useCallback(
    (section: IntakeSection, choice: 'mine' | 'theirs') => {
      const { memory, form } = ctx;
      const conflict = memory.conflicts.find((c) => c.section === section);
      if (!conflict) return;
      if (choice === 'theirs') {
        const values = sectionToValues(section, conflict.theirs, ctx.regionCodes);
        form.setValue(section, values as never, { shouldDirty: true });
        form.clearErrors(section);
      }
      const rest = memory.conflicts.filter((c) => c.section !== section);
      if (rest.length === 0 && memory.pendingBase) {
        memory.base = memory.pendingBase;
        memory.pendingBase = null;
        if (memory.pendingView) ctx.setView(memory.pendingView);
        memory.pendingView = null;
      }
      setConflictList(ctx, rest);
      if (rest.length === 0) {
        keepDraft(ctx);
        void requestNow(ctx);
      }
    },
    [ctx],
  );

  /** Saves now and says whether the whole form is on the server. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    await requestNow(ctx);
    const { memory } = ctx;
    if (memory.conflicts.length || !memory.caseId || memory.isOffline) return false;
    return isSavedWhole(toSections(ctx.form.getValues()), memory.base!);
  }, [ctx]);

  return { resolveConflict, saveNow };
}
