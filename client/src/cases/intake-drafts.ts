import type { ProjectedCase } from './case-api';
import type { IntakeSection, IntakeValues } from './intake-form';

/** The server's file the typed input started from: its version and each section as saved. */
export interface Base {
  version: number;
  sections: Record<IntakeSection, unknown>;
}

/** The raw form kept in this browser until it is saved. */
export interface Draft {
  values: IntakeValues;
  /** The server's file the typed input started from (null before the case exists). */
  base: Base | null;
  savedAt: string;
}

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

export function writeDraft(key: string, draft: Draft) {
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

/**
 * Whether a kept draft goes back into the form: for a new case always; for a loaded one only when
 * it was typed on a version the server has had (an older one meets a 409 and the user sees both).
 */
export function isDraftUsable(draft: Draft | null, loaded: ProjectedCase | null): boolean {
  if (!draft) return false;
  if (!loaded) return true;
  return draft.base !== null && draft.base.version <= (loaded.version ?? 0);
}
