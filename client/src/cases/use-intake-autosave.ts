import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { CaseSections } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import {
  asVersionConflict,
  createCase,
  isNetworkError,
  updateCase,
  type ProjectedCase,
} from './case-api';
import { messageOf } from '../core/messages';
import {
  canonical,
  checkSection,
  emptyIntakeValues,
  intakeSections,
  sectionToValues,
  stepOfPath,
  toCreateRequest,
  toSections,
  viewToBase,
  viewToValues,
  type IntakeSection,
  type IntakeStepSlug,
  type IntakeValues,
} from './intake-form';

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
 */

export type SaveStatus =
  | { kind: 'new' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date | null }
  | { kind: 'offline' }
  /** Some sections wait for a fix; `isMarked`: at least one field shows its error. */
  | { kind: 'invalid'; steps: IntakeStepSlug[]; isMarked: boolean; at: Date | null }
  | { kind: 'conflict' }
  | { kind: 'error'; message: string };

export interface SectionConflict {
  section: IntakeSection;
  theirs: unknown;
}

interface Base {
  version: number;
  sections: Record<IntakeSection, unknown>;
}

interface Draft {
  values: IntakeValues;
  /** The server's file the typed input started from (null before the case exists). */
  base: Base | null;
  savedAt: string;
}

const debounceMs = 800;
const offlineRetryMs = 15_000;

export function draftKey(userId: string, caseId: string | null): string {
  return `uitstroomtafel:intake:${userId}:${caseId ?? 'nieuw'}`;
}

export function readDraft(key: string): Draft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

function writeDraft(key: string, draft: Draft) {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the autosave itself still runs.
  }
}

export function removeDraft(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

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

  const caseIdRef = useRef<string | null>(null);
  const baseRef = useRef<Base | null>(null);
  /** The 409's file, applied as the new base once every conflicting section is settled. */
  const pendingBaseRef = useRef<Base | null>(null);
  const pendingViewRef = useRef<ProjectedCase | null>(null);
  const conflictsRef = useRef<SectionConflict[]>([]);
  const startedRef = useRef(false);
  const timerRef = useRef<number | undefined>(undefined);
  const retryRef = useRef<number | undefined>(undefined);
  const runningRef = useRef<Promise<void> | null>(null);
  const againRef = useRef(false);
  const changeCountRef = useRef(0);
  const lastSavedAtRef = useRef<Date | null>(null);
  const isOfflineRef = useRef(false);
  const onCreatedRef = useRef(onCreated);
  onCreatedRef.current = onCreated;

  const key = () => draftKey(userId, caseIdRef.current);

  const keepDraft = useCallback(() => {
    if (!startedRef.current) return;
    writeDraft(draftKey(userId, caseIdRef.current), {
      values: form.getValues(),
      base: baseRef.current,
      savedAt: new Date().toISOString(),
    });
  }, [form, userId]);

  const setConflictList = (list: SectionConflict[]) => {
    conflictsRef.current = list;
    setConflicts(list);
  };

  const acceptView = (next: ProjectedCase) => {
    baseRef.current = { version: next.version!, sections: viewToBase(next) };
    setView(next);
  };

  /**
   * Errors of an invalid section, on the fields that hold something or that the user has left: an
   * empty field of a row still being filled in is not painted red. Says whether any field shows one.
   */
  const showIssues = (
    section: IntakeSection,
    issues: { path: string; message: string }[],
  ): boolean => {
    form.clearErrors(section);
    let isMarked = false;
    for (const issue of issues) {
      const path = issue.path as FieldPath<IntakeValues>;
      const value: unknown = form.getValues(path);
      const isFilled =
        typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
      if (isFilled || form.getFieldState(path).isTouched) {
        form.setError(path, { type: 'validate', message: issue.message });
        isMarked = true;
      }
    }
    return isMarked;
  };

  const saveOnce = useCallback(async (): Promise<void> => {
    if (conflictsRef.current.length) return;
    // Back online (the browser says so); a failing request says otherwise again.
    if (navigator.onLine) isOfflineRef.current = false;
    const startedAtChange = changeCountRef.current;
    const candidates = toSections(form.getValues());

    // Before the case exists: create it as soon as names and target group are valid.
    if (!caseIdRef.current) {
      const request = toCreateRequest(candidates);
      if (!request) {
        setStatus({ kind: 'new' });
        return;
      }
      if (!navigator.onLine) {
        goOffline();
        return;
      }
      setStatus({ kind: 'saving' });
      try {
        const created = await createCase(request);
        removeDraft(draftKey(userId, null));
        caseIdRef.current = created.id!;
        acceptView(created);
        lastSavedAtRef.current = new Date();
        keepDraft();
        onCreatedRef.current(created);
        againRef.current = true; // the rest of what was typed follows in a PATCH
      } catch (error) {
        handleFailure(error);
      }
      return;
    }

    const base = baseRef.current!;
    const changes: Partial<Record<IntakeSection, unknown>> = {};
    const invalidSteps = new Set<IntakeStepSlug>();
    let isMarked = false;
    for (const name of intakeSections) {
      const check = checkSection(name, candidates[name]);
      if (!check.ok) {
        // An invalid section is not sent; it shows its errors and waits for the fix.
        if (canonical(candidates[name]) !== canonical(base.sections[name])) {
          if (showIssues(name, check.issues)) isMarked = true;
          for (const issue of check.issues) invalidSteps.add(stepOfPath(issue.path));
        }
        continue;
      }
      if (form.getFieldState(name).invalid) form.clearErrors(name);
      if (canonical(check.value) !== canonical(base.sections[name])) changes[name] = check.value;
    }
    const invalid = [...invalidSteps];
    if (Object.keys(changes).length === 0) {
      if (invalid.length)
        setStatus({ kind: 'invalid', steps: invalid, isMarked, at: lastSavedAtRef.current });
      else {
        setStatus({ kind: 'saved', at: lastSavedAtRef.current });
        if (changeCountRef.current === startedAtChange) removeDraft(key());
      }
      return;
    }
    if (!navigator.onLine) {
      goOffline();
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      const saved = await updateCase(
        caseIdRef.current,
        base.version,
        changes as Partial<CaseSections>,
      );
      acceptView(saved);
      lastSavedAtRef.current = new Date();
      if (invalid.length)
        setStatus({ kind: 'invalid', steps: invalid, isMarked, at: lastSavedAtRef.current });
      else setStatus({ kind: 'saved', at: lastSavedAtRef.current });
      // Saved: the local copy goes, unless the user typed on meanwhile or something is still invalid.
      if (!invalid.length && changeCountRef.current === startedAtChange) removeDraft(key());
      else keepDraft();
    } catch (error) {
      const conflict = asVersionConflict(error);
      if (conflict) {
        settleConflict(conflict.currentVersion, conflict.current, candidates);
        return;
      }
      handleFailure(error);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the helpers read refs; recreating the save on each render would restart the debounce
  }, [form, userId, keepDraft]);

  function goOffline() {
    isOfflineRef.current = true;
    setStatus({ kind: 'offline' });
    window.clearTimeout(retryRef.current);
    retryRef.current = window.setTimeout(() => {
      void requestSave();
    }, offlineRetryMs);
  }

  function handleFailure(error: unknown) {
    if (isNetworkError(error)) {
      goOffline();
      return;
    }
    if (error instanceof ApiError) {
      for (const issue of error.issues) {
        const path = issue.path.replace(/^changes\./, '');
        if (path)
          form.setError(path as FieldPath<IntakeValues>, {
            type: 'server',
            message: issue.message,
          });
      }
    }
    setStatus({ kind: 'error', message: `Niet opgeslagen: ${messageOf(error)}` });
  }

  /**
   * Someone saved in between. Sections only they changed are taken over into the form; sections
   * only we changed are sent again on their version; where both changed, theirs is shown beside
   * the kept input and the user decides.
   */
  function settleConflict(
    currentVersion: number,
    current: ProjectedCase,
    candidates: Record<IntakeSection, unknown>,
  ) {
    const base = baseRef.current!;
    const theirsBase: Base = { version: currentVersion, sections: viewToBase(current) };
    const list: SectionConflict[] = [];
    for (const name of intakeSections) {
      const theirs = theirsBase.sections[name];
      const isChangedByThem = canonical(theirs) !== canonical(base.sections[name]);
      if (!isChangedByThem) continue;
      const mine = candidates[name];
      const isChangedByMe = canonical(mine) !== canonical(base.sections[name]);
      if (!isChangedByMe) {
        form.setValue(name, sectionToValues(name, theirs, regionCodes) as never, {
          shouldDirty: false,
        });
      } else if (canonical(mine) !== canonical(theirs)) {
        list.push({ section: name, theirs });
      }
    }
    if (list.length === 0) {
      setView(current);
      baseRef.current = theirsBase;
      againRef.current = true;
      setStatus({ kind: 'saving' });
      return;
    }
    // Until every section is settled the base stays the old one: a reload in between meets the same conflict again.
    pendingBaseRef.current = theirsBase;
    pendingViewRef.current = current;
    setConflictList(list);
    setStatus({ kind: 'conflict' });
    keepDraft();
  }

  const requestSave = useCallback((): Promise<void> => {
    window.clearTimeout(timerRef.current);
    timerRef.current = undefined;
    window.clearTimeout(retryRef.current);
    if (runningRef.current) {
      againRef.current = true;
      return runningRef.current;
    }
    const run = (async () => {
      do {
        againRef.current = false;
        await saveOnce();
      } while (againRef.current && conflictsRef.current.length === 0);
    })().finally(() => {
      runningRef.current = null;
    });
    runningRef.current = run;
    return run;
  }, [saveOnce]);

  // Every change: keep the raw form locally at once, save after a pause in typing.
  useEffect(() => {
    const subscription = form.watch(() => {
      if (!startedRef.current) return;
      changeCountRef.current += 1;
      keepDraft();
      window.clearTimeout(timerRef.current);
      timerRef.current = window.setTimeout(() => {
        void requestSave();
      }, debounceMs);
    });
    return () => subscription.unsubscribe();
  }, [form, keepDraft, requestSave]);

  useEffect(() => {
    const online = () => {
      if (isOfflineRef.current) void requestSave();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      window.clearTimeout(retryRef.current);
      // Leaving the page within the pause after typing: save now rather than wait for the next visit.
      if (timerRef.current !== undefined) {
        window.clearTimeout(timerRef.current);
        timerRef.current = undefined;
        void requestSave();
      }
    };
  }, [requestSave]);

  /** Start on a loaded case (or on a new one: null), restoring what was typed and not yet saved. */
  const start = useCallback(
    (loaded: ProjectedCase | null) => {
      caseIdRef.current = loaded?.id ?? null;
      const draft = readDraft(draftKey(userId, caseIdRef.current));
      if (loaded) acceptView(loaded);
      const isUsable =
        draft && (loaded ? draft.base !== null && draft.base.version <= loaded.version! : true);
      if (draft && isUsable) {
        // The typed input goes back on the version it was typed on: if the file moved on since, the
        // save meets a 409 and the user sees both.
        if (draft.base) baseRef.current = draft.base;
        form.reset(draft.values);
        setRestoredAt(draft.savedAt);
        startedRef.current = true;
        setStatus(loaded ? { kind: 'saving' } : { kind: 'new' });
        void requestSave();
        return;
      }
      if (draft) removeDraft(draftKey(userId, caseIdRef.current));
      form.reset(loaded ? viewToValues(loaded, regionCodes) : emptyIntakeValues());
      startedRef.current = true;
      setStatus(loaded ? { kind: 'saved', at: null } : { kind: 'new' });
    },
    [form, userId, regionCodes, requestSave],
  );

  /** The user's choice for one section of a conflict: keep the typed input, or take theirs. */
  const resolveConflict = useCallback(
    (section: IntakeSection, choice: 'mine' | 'theirs') => {
      const conflict = conflictsRef.current.find((c) => c.section === section);
      if (!conflict) return;
      if (choice === 'theirs') {
        form.setValue(section, sectionToValues(section, conflict.theirs, regionCodes) as never, {
          shouldDirty: true,
        });
        form.clearErrors(section);
      }
      const rest = conflictsRef.current.filter((c) => c.section !== section);
      if (rest.length === 0 && pendingBaseRef.current) {
        baseRef.current = pendingBaseRef.current;
        pendingBaseRef.current = null;
        if (pendingViewRef.current) setView(pendingViewRef.current);
        pendingViewRef.current = null;
      }
      setConflictList(rest);
      if (rest.length === 0) {
        keepDraft();
        void requestSave();
      }
    },
    [form, regionCodes, keepDraft, requestSave],
  );

  /** Saves now and says whether the whole form is on the server. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    await requestSave();
    if (conflictsRef.current.length || !caseIdRef.current || isOfflineRef.current) return false;
    const candidates = toSections(form.getValues());
    return intakeSections.every((name) => {
      const check = checkSection(name, candidates[name]);
      return check.ok && canonical(check.value) === canonical(baseRef.current!.sections[name]);
    });
  }, [form, requestSave]);

  /** A step (e.g. marking ready) answered with a newer file. */
  const acceptTransition = useCallback((next: ProjectedCase) => {
    acceptView(next);
    removeDraft(key());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key() reads refs only
  }, []);

  const discardNewDraft = useCallback(() => {
    removeDraft(draftKey(userId, null));
    setRestoredAt(null);
    form.reset(emptyIntakeValues());
    setStatus({ kind: 'new' });
  }, [form, userId]);

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
    caseIdRef,
  };
}
