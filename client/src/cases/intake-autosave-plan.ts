import type { Base } from './intake-drafts';
import {
  canonical,
  checkSection,
  intakeSections,
  stepOfPath,
  type IntakeSection,
  type IntakeStepSlug,
} from './intake-form';

/**
 * The decisions of the intake's autosave, without React, the form or the network: what to send,
 * what waits for a fix, how a stale write is settled, and how save requests queue.
 */

export interface SavePlan {
  /** The valid sections that differ from the server's file: sent whole. */
  changes: Partial<Record<IntakeSection, unknown>>;
  /** Changed sections the shared schemas refuse: not sent; their issues are shown. */
  invalid: { section: IntakeSection; issues: { path: string; message: string }[] }[];
  /** The steps those invalid sections are on, in order of first appearance. */
  invalidSteps: IntakeStepSlug[];
  /** Valid sections (their stale errors can go). */
  valid: IntakeSection[];
}

/** What to send of the typed sections, against the server's file they started from. */
export function planSave(candidates: Record<IntakeSection, unknown>, base: Base): SavePlan {
  const plan: SavePlan = { changes: {}, invalid: [], invalidSteps: [], valid: [] };
  const steps = new Set<IntakeStepSlug>();
  for (const name of intakeSections) {
    const check = checkSection(name, candidates[name]);
    if (!check.ok) {
      // An unchanged invalid section (as loaded) is the server's business, not the user's now.
      if (canonical(candidates[name]) !== canonical(base.sections[name])) {
        plan.invalid.push({ section: name, issues: check.issues });
        for (const issue of check.issues) steps.add(stepOfPath(issue.path));
      }
      continue;
    }
    plan.valid.push(name);
    if (canonical(check.value) !== canonical(base.sections[name])) plan.changes[name] = check.value;
  }
  plan.invalidSteps = [...steps];
  return plan;
}

/** How a stale write meets the other person's file, section by section. */
export interface ConflictSettlement {
  /** Changed by them only: their version goes into the form. */
  takeOver: IntakeSection[];
  /** Changed by both, differently: theirs is shown beside the typed input until the user chooses. */
  conflicts: { section: IntakeSection; theirs: unknown }[];
}

export function settleSections(
  base: Base,
  theirs: Base,
  mine: Record<IntakeSection, unknown>,
): ConflictSettlement {
  const settlement: ConflictSettlement = { takeOver: [], conflicts: [] };
  for (const name of intakeSections) {
    const before = canonical(base.sections[name]);
    if (canonical(theirs.sections[name]) === before) continue;
    if (canonical(mine[name]) === before) settlement.takeOver.push(name);
    else if (canonical(mine[name]) !== canonical(theirs.sections[name]))
      settlement.conflicts.push({ section: name, theirs: theirs.sections[name] });
  }
  return settlement;
}

/** Whether every typed section is valid and equal to what the server has. */
export function isSavedWhole(candidates: Record<IntakeSection, unknown>, base: Base): boolean {
  return intakeSections.every((name) => {
    const check = checkSection(name, candidates[name]);
    return check.ok && canonical(check.value) === canonical(base.sections[name]);
  });
}

/**
 * One save at a time: a request while a save runs makes it run once more afterwards (with what was
 * typed meanwhile), and every caller waits for the same run. `shouldStop` ends the loop early
 * (an open conflict waits for the user).
 */
export function createSaveQueue(saveOnce: () => Promise<void>, shouldStop: () => boolean) {
  let running: Promise<void> | null = null;
  let again = false;
  return {
    request(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await saveOnce();
        } while (again && !shouldStop());
      })().finally(() => {
        running = null;
      });
      return running;
    },
    /** Asks for one more run after the current one (the rest of what was typed follows). */
    runAgain() {
      again = true;
    },
  };
}
