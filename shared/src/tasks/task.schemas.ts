import { z } from 'zod';
import { isoDate, safeText } from '../primitives';
import '../validation';

/**
 * "Mijn taken": what a seat can and should do now, each one click from where it is done. Derived,
 * never stored: from the state table, the tables' deadlines and the preconditions' due dates.
 */
export const taskKinds = [
  'completeIntake',
  'markReady',
  'scheduleCase',
  'planTable',
  'publishAgenda',
  'decideAtTable',
  'giveDecisionLetter',
  'answerOffer',
  'offerUnanswered',
  'makeOffer',
  'confirmPlacement',
  'recordMoveIn',
  'startAftercare',
  'preconditionDue',
] as const;
export const taskKindSchema = z.enum(taskKinds);
export type TaskKind = z.infer<typeof taskKindSchema>;

export const taskKindLabel: Record<TaskKind, string> = {
  completeIntake: 'Intake aanvullen',
  markReady: 'Uitstroomgereed melden',
  scheduleCase: 'Agenderen',
  planTable: 'Tafel plannen',
  publishAgenda: 'Agenda delen',
  decideAtTable: 'Besluiten en afsluiten',
  giveDecisionLetter: 'Besluit aan de bewoner geven',
  answerOffer: 'Antwoord op woningaanbod',
  offerUnanswered: 'Aanbod zonder antwoord',
  makeOffer: 'Woning aanbieden',
  confirmPlacement: 'Plaatsing bevestigen',
  recordMoveIn: 'Verhuizing vastleggen',
  startAftercare: 'Nazorg starten',
  preconditionDue: 'Randvoorwaarde',
};

export const taskSchema = z.object({
  /** Stable per task (kind and object), so a list can keep its place when it reloads. */
  id: safeText(),
  kind: taskKindSchema,
  title: safeText(),
  detail: safeText().nullable(),
  /** The day it should be done by (Amsterdam calendar), if it has one. */
  dueDate: isoDate.nullable(),
  isOverdue: z.boolean(),
  /** The page where the action is; null only when the seat reaches neither the case nor its table. */
  link: z.object({ to: safeText().startsWith('/'), label: safeText() }).nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskListSchema = z.object({ items: z.array(taskSchema), count: z.int() });
export type TaskList = z.infer<typeof taskListSchema>;
