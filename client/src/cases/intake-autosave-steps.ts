import type { FieldPath, UseFormReturn } from 'react-hook-form';
import type { CaseSections, CreateCase } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { messageOf } from '../core/messages';
import { asVersionConflict, isNetworkError, type ProjectedCase } from './case-api';
import { draftKey, removeDraft, writeDraft, type Base } from './intake-drafts';
import { planSave, settleSections } from './intake-autosave-plan';
import {
  sectionToValues,
  toCreateRequest,
  toSections,
  viewToBase,
  type IntakeSection,
  type IntakeStepSlug,
  type IntakeValues,
} from './intake-form';

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

/** What one intake's autosave remembers between renders (one mutable record, not a ref each). */
export interface AutosaveMemory {
  caseId: string | null;
  base: Base | null;
  /** The 409's file, applied as the new base once every conflicting section is settled. */
  pendingBase: Base | null;
  pendingView: ProjectedCase | null;
  conflicts: SectionConflict[];
  started: boolean;
  timer: number | undefined;
  retry: number | undefined;
  changeCount: number;
  lastSavedAt: Date | null;
  isOffline: boolean;
}

export const offlineRetryMs = 15_000;

/** The autosave's hands: the form, the memory, what it shows, and its two writes. */
export interface AutosaveContext {
  form: UseFormReturn<IntakeValues>;
  memory: AutosaveMemory;
  userId: string;
  regionCodes: ReadonlySet<string>;
  setStatus(status: SaveStatus): void;
  setView(view: ProjectedCase): void;
  setConflicts(list: SectionConflict[]): void;
  create(request: CreateCase): Promise<ProjectedCase>;
  update(caseId: string, version: number, changes: Partial<CaseSections>): Promise<ProjectedCase>;
  onCreated(view: ProjectedCase): void;
  requestSave(): Promise<void>;
  runAgain(): void;
}

export const currentKey = (ctx: AutosaveContext) => draftKey(ctx.userId, ctx.memory.caseId);

export function keepDraft(ctx: AutosaveContext) {
  if (!ctx.memory.started) return;
  writeDraft(currentKey(ctx), {
    values: ctx.form.getValues(),
    base: ctx.memory.base,
    savedAt: new Date().toISOString(),
  });
}

export function acceptView(ctx: AutosaveContext, next: ProjectedCase) {
  ctx.memory.base = { version: next.version!, sections: viewToBase(next) };
  ctx.setView(next);
}

export function setConflictList(ctx: AutosaveContext, list: SectionConflict[]) {
  ctx.memory.conflicts = list;
  ctx.setConflicts(list);
}

/**
 * Errors of an invalid section, on the fields that hold something or that the user has left: an
 * empty field of a row still being filled in is not painted red. Says whether any field shows one.
 */
function showIssues(
  form: UseFormReturn<IntakeValues>,
  section: IntakeSection,
  issues: { path: string; message: string }[],
): boolean {
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
}

export function goOffline(ctx: AutosaveContext) {
  ctx.memory.isOffline = true;
  ctx.setStatus({ kind: 'offline' });
  window.clearTimeout(ctx.memory.retry);
  ctx.memory.retry = window.setTimeout(() => void ctx.requestSave(), offlineRetryMs);
}

function handleFailure(ctx: AutosaveContext, error: unknown) {
  if (isNetworkError(error)) {
    goOffline(ctx);
    return;
  }
  if (error instanceof ApiError)
    for (const issue of error.issues) {
      const path = issue.path.replace(/^changes\./, '');
      if (path)
        ctx.form.setError(path as FieldPath<IntakeValues>, {
          type: 'server',
          message: issue.message,
        });
    }
  ctx.setStatus({ kind: 'error', message: `Niet opgeslagen: ${messageOf(error)}` });
}

/** One round of the autosave: create the case, or send what changed. */
export async function saveOnce(ctx: AutosaveContext): Promise<void> {
  if (ctx.memory.conflicts.length) return;
  // Back online (the browser says so); a failing request says otherwise again.
  if (navigator.onLine) ctx.memory.isOffline = false;
  const candidates = toSections(ctx.form.getValues());
  if (!ctx.memory.caseId) await createOnce(ctx, candidates);
  else await patchOnce(ctx, candidates);
}

/** Before the case exists: create it as soon as names and target group are valid. */
async function createOnce(ctx: AutosaveContext, candidates: Record<IntakeSection, unknown>) {
  const request = toCreateRequest(candidates);
  if (!request) return ctx.setStatus({ kind: 'new' });
  if (!navigator.onLine) return goOffline(ctx);
  ctx.setStatus({ kind: 'saving' });
  try {
    const created = await ctx.create(request);
    removeDraft(draftKey(ctx.userId, null));
    ctx.memory.caseId = created.id!;
    acceptView(ctx, created);
    ctx.memory.lastSavedAt = new Date();
    keepDraft(ctx);
    ctx.onCreated(created);
    ctx.runAgain(); // the rest of what was typed follows in a PATCH
  } catch (error) {
    handleFailure(ctx, error);
  }
}

/** The case exists: send every valid section that changed; an invalid one shows its errors. */
async function patchOnce(ctx: AutosaveContext, candidates: Record<IntakeSection, unknown>) {
  const { memory, form } = ctx;
  const startedAtChange = memory.changeCount;
  const base = memory.base!;
  const plan = planSave(candidates, base);
  let isMarked = false;
  for (const { section, issues } of plan.invalid)
    if (showIssues(form, section, issues)) isMarked = true;
  for (const name of plan.valid) if (form.getFieldState(name).invalid) form.clearErrors(name);
  const invalid = plan.invalidSteps;
  const settled = (): SaveStatus =>
    invalid.length
      ? { kind: 'invalid', steps: invalid, isMarked, at: memory.lastSavedAt }
      : { kind: 'saved', at: memory.lastSavedAt };
  if (Object.keys(plan.changes).length === 0) {
    ctx.setStatus(settled());
    if (!invalid.length && memory.changeCount === startedAtChange) removeDraft(currentKey(ctx));
    return;
  }
  if (!navigator.onLine) return goOffline(ctx);
  ctx.setStatus({ kind: 'saving' });
  try {
    const changes = plan.changes as Partial<CaseSections>;
    const saved = await ctx.update(memory.caseId!, base.version, changes);
    acceptView(ctx, saved);
    memory.lastSavedAt = new Date();
    ctx.setStatus(settled());
    // Saved: the local copy goes, unless the user typed on meanwhile or something is still invalid.
    if (!invalid.length && memory.changeCount === startedAtChange) removeDraft(currentKey(ctx));
    else keepDraft(ctx);
  } catch (error) {
    const conflict = asVersionConflict(error);
    if (conflict) settleConflict(ctx, conflict.currentVersion, conflict.current, candidates);
    else handleFailure(ctx, error);
  }
}

/**
 * Someone saved in between. Sections only they changed are taken over into the form; sections
 * only we changed are sent again on their version; where both changed, theirs is shown beside
 * the kept input and the user decides.
 */
function settleConflict(
  ctx: AutosaveContext,
  currentVersion: number,
  current: ProjectedCase,
  candidates: Record<IntakeSection, unknown>,
) {
  const theirsBase: Base = { version: currentVersion, sections: viewToBase(current) };
  const { takeOver, conflicts } = settleSections(ctx.memory.base!, theirsBase, candidates);
  for (const name of takeOver)
    ctx.form.setValue(
      name,
      sectionToValues(name, theirsBase.sections[name], ctx.regionCodes) as never,
      { shouldDirty: false },
    );
  if (conflicts.length === 0) {
    ctx.setView(current);
    ctx.memory.base = theirsBase;
    ctx.runAgain();
    ctx.setStatus({ kind: 'saving' });
    return;
  }
  // Until every section is settled the base stays the old one: a reload in between meets the same conflict again.
  ctx.memory.pendingBase = theirsBase;
  ctx.memory.pendingView = current;
  setConflictList(ctx, conflicts);
  ctx.setStatus({ kind: 'conflict' });
  keepDraft(ctx);
}
