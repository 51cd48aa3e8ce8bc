import type { Seat } from '../auth/seats';
import { lifeDomainLabel, type CaseState, type LifeDomain } from '../cases/case.schemas';
import {
  allowedTransitions,
  checkTransition,
  type TransitionFacts,
  type TransitionName,
} from '../cases/case-transitions.rules';
import { formatDutchDate } from '../calendar/calendar';
import type { TableState } from '../tables/table.schemas';
import {
  agendaDaysLate,
  agendaPublishBy,
  isAgendaPublicationLate,
  isPlannedAfterPublicationDeadline,
  isPreconditionOverdue,
} from '../tables/table.rules';
import { addDays, amsterdamDate, formatDutchDays } from '../calendar/calendar';
import type { Task, TaskKind } from './task.schemas';
import { taskKinds } from './task.schemas';

/**
 * "Mijn taken" as one pure function of the seat and the facts the server gathered within the seat's
 * reach. Which step a seat can take on a case comes from the state table (`allowedTransitions`,
 * `checkTransition`), never from a second list of states; deadlines come from the tables (the
 * region's days-ahead for sharing the agenda) and the preconditions' due dates. No I/O, no clock:
 * `today` and `now` are facts.
 */

export interface TaskCaseFacts {
  id: string;
  pseudonym: string;
  /** The resident's name, only where the seat's projection of the case shows it. */
  name?: string;
  state: CaseState;
  /** The actor is the case's own case manager: a case manager's tasks are the cases they own. */
  isOwnCase: boolean;
  /** Paths of what the file lacks before "uitstroomgereed" (`missingForReady`, and `consents`). */
  missingForReady: readonly string[];
  /** The case is on an open agenda item (then it waits for the table, not for its case manager). */
  isOnOpenAgenda: boolean;
  /** When the table last decided on the case, or null. */
  decidedAt: string | null;
  /** The decision letter was opened since that decision (the case manager gives it to the resident). */
  isLetterGiven: boolean;
  /** For a municipality: it is the case's decided destination. */
  isDestinationMunicipality: boolean;
  /** For a provider: its organisation is the decision's follow-up provider. */
  isFollowUpProvider: boolean;
  // Filled by the offers and placements of issues 11 and 12; absent until then.
  /** The corporation has a dwelling it could offer for this case (absent: the reach decides). */
  hasDwellingForOffer?: boolean;
  /** The case manager has recorded that the resident accepted the open offer. */
  isOfferAccepted?: boolean;
  /** The offered dwelling is the corporation's own. */
  isOwnDwelling?: boolean;
  /** The day the resident's answer to the open offer is due (issue 12); absent without an open offer. */
  offerAnswerDueOn?: string | null;
}

export interface TaskTableFacts {
  id: string;
  title: string;
  startsAt: string;
  state: TableState;
  /** When the table was planned: one planned after its sharing deadline is late from the start, not overdue. */
  plannedAt?: string;
  /** Agenda items still open (neither decided nor deferred). */
  openItems: number;
}

export interface TaskPreconditionFacts {
  id: string;
  caseId: string;
  pseudonym: string;
  /** The resident's name, only where the seat's projection of the case shows it. */
  name?: string;
  lifeDomain: LifeDomain;
  dueDate: string;
  /** The seat reaches the case (its page is the link); otherwise the table's page, if it reaches that. */
  isCaseReachable: boolean;
  tableId: string | null;
}

export interface TaskFacts {
  /** Amsterdam calendar date of `now`. */
  today: string;
  now: string;
  /** The region's setting: the agenda is shared this many days before the table. */
  agendaPublicationDays: number;
  cases: readonly TaskCaseFacts[];
  /** The region's tables that are not closed (for the chair and the case manager). */
  tables: readonly TaskTableFacts[];
  /** Open preconditions the seat's organisation owns. */
  preconditions: readonly TaskPreconditionFacts[];
}

/** A planned table shows as a task this many days before its agenda must be shared. */
export const publishAgendaLeadDays = 7;
/** A precondition shows as a task this many days before its due date. */
export const preconditionLeadDays = 7;

/** Generic words for what an intake lacks: the task list names no value of the file. */
const missingLabel: Record<string, string> = {
  'identity.birthDate': 'geboortedatum',
  'stay.admissionDate': 'opnamedatum',
  'stay.facility': 'huidige voorziening',
  addresses: 'herkomst',
  wishes: 'wensen',
  'household.adults': 'huishouden',
  consents: 'toestemming',
};

/** The steps that are a seat's duty when they are open to it; the others (defer, withdraw, refuse) are choices, not tasks. */
const taskOfTransition: Partial<Record<TransitionName, TaskKind>> = {
  markReady: 'markReady',
  schedule: 'scheduleCase',
  offerDwelling: 'makeOffer',
  declineOffer: 'answerOffer',
  confirmPlacement: 'confirmPlacement',
  moveIn: 'recordMoveIn',
  startAftercare: 'startAftercare',
};

/**
 * The facts the state table asks for a step. What the person enters while taking the step (a
 * reason, a key handover date, the dwelling they offer) counts as met: the task is to take it.
 */
function transitionFacts(
  transition: TransitionName,
  c: TaskCaseFacts,
  hasPlannedTable: boolean,
): TransitionFacts {
  const missing = new Set(c.missingForReady);
  switch (transition) {
    case 'markReady':
      return {
        originEvidence: !missing.has('addresses'),
        wishesRecorded: !missing.has('wishes'),
        consentRecorded: missing.size === 0,
      };
    case 'schedule':
      return { plannedTable: hasPlannedTable };
    case 'offerDwelling':
      return {
        ownDwelling: c.hasDwellingForOffer ?? true,
        dwellingInDestination: c.hasDwellingForOffer ?? true,
      };
    case 'declineOffer':
      return { reason: true };
    case 'confirmPlacement':
      return {
        isDestinationMunicipality: c.isDestinationMunicipality,
        residentAccepted: c.isOfferAccepted === true,
      };
    case 'moveIn':
      return { keyHandoverDate: true, tenancyForm: true, ownDwelling: c.isOwnDwelling === true };
    case 'startAftercare':
      return { isFollowUpProvider: c.isFollowUpProvider };
    default:
      return {};
  }
}

const casePath = (id: string) => `/casussen/${id}`;
const tablePath = (id: string) => `/tafels/${id}`;
const tableDay = (table: Pick<TaskTableFacts, 'startsAt'>) =>
  amsterdamDate(new Date(table.startsAt));

type TaskFields = Omit<Task, 'id' | 'kind' | 'isOverdue' | 'detail' | 'dueDate'> &
  Partial<Pick<Task, 'detail' | 'dueDate' | 'isOverdue'>>;

/** A task; late the day after its due date unless the caller knows better (a deadline with a time). */
function task(kind: TaskKind, objectId: string, fields: TaskFields, today: string): Task {
  const dueDate = fields.dueDate ?? null;
  return {
    id: `${kind}:${objectId}`,
    kind,
    detail: null,
    ...fields,
    dueDate,
    isOverdue: fields.isOverdue ?? (dueDate !== null && dueDate < today),
  };
}

/** The table a ready case goes on next: the first one of the region, not closed nor cancelled, that has not begun. */
export function nextTableOf(facts: Pick<TaskFacts, 'tables' | 'now'>): TaskTableFacts | null {
  return (
    [...facts.tables]
      .filter(
        (t) =>
          t.state !== 'closed' &&
          t.state !== 'cancelled' &&
          Date.parse(t.startsAt) >= Date.parse(facts.now),
      )
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0] ?? null
  );
}

/** A case in a task's words: the resident's name where the seat may see it, its kenmerk otherwise. */
const caseSubject = (c: { pseudonym: string; name?: string }) => c.name ?? `casus ${c.pseudonym}`;

function caseTasks(seat: Seat, facts: TaskFacts): Task[] {
  const nextTable = nextTableOf(facts);
  const tasks: Task[] = [];
  // The chair schedules the region's ready cases from the table page: one task for all of them.
  let readyForChair = 0;
  for (const c of facts.cases) {
    if (seat === 'casemanager' && !c.isOwnCase) continue;
    const subject = caseSubject(c);
    for (const transition of allowedTransitions(c.state, seat)) {
      const kind = taskOfTransition[transition];
      if (!kind) continue;
      if (transition === 'schedule' && c.isOnOpenAgenda) continue;
      // Once the resident's answer is recorded, the offer waits for the municipality, not the case manager.
      if (transition === 'declineOffer' && c.isOfferAccepted === true) continue;
      const check = checkTransition({
        state: c.state,
        transition,
        seat,
        facts: transitionFacts(transition, c, nextTable !== null),
      });
      if (!check.ok) {
        if (transition === 'markReady' && check.reason === 'unmetRequirement') {
          const missing = [
            ...new Set(c.missingForReady.map((path) => missingLabel[path] ?? 'gegevens')),
          ];
          tasks.push(
            task(
              'completeIntake',
              c.id,
              {
                title: `Intake aanvullen: ${subject}`,
                detail: `Nog nodig: ${missing.join(', ')}.`,
                link: { to: `${casePath(c.id)}/intake`, label: 'Intake openen' },
              },
              facts.today,
            ),
          );
        }
        if (transition === 'schedule' && seat === 'chair') readyForChair += 1;
        continue;
      }
      if (transition === 'schedule' && seat === 'chair') {
        readyForChair += 1;
        continue;
      }
      switch (kind) {
        case 'markReady':
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Uitstroomgereed melden: ${subject}`,
                detail: 'De intake is compleet.',
                link: { to: casePath(c.id), label: 'Naar de casus' },
              },
              facts.today,
            ),
          );
          break;
        case 'scheduleCase':
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Agenderen: ${subject}`,
                detail: `Eerstvolgende tafel: ${nextTable!.title}, ${formatDutchDate(tableDay(nextTable!))}.`,
                link: { to: tablePath(nextTable!.id), label: 'Naar de tafel' },
              },
              facts.today,
            ),
          );
          break;
        case 'makeOffer':
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Woning aanbieden: ${subject}`,
                detail: 'De casus zoekt een woning in een gemeente waar u woningen heeft.',
                link: { to: casePath(c.id), label: 'Naar de casus' },
              },
              facts.today,
            ),
          );
          break;
        case 'answerOffer':
          // Late the day after the region's term for the answer.
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Antwoord van de bewoner op het woningaanbod vastleggen: ${subject}`,
                link: { to: casePath(c.id), label: 'Naar de casus' },
                ...(c.offerAnswerDueOn ? { dueDate: c.offerAnswerDueOn } : {}),
              },
              facts.today,
            ),
          );
          break;
        case 'confirmPlacement':
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Plaatsing bevestigen of weigeren: ${subject}`,
                link: { to: casePath(c.id), label: 'Naar de casus' },
              },
              facts.today,
            ),
          );
          break;
        case 'recordMoveIn':
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Verhuizing vastleggen: ${subject}`,
                detail: 'Datum van de sleuteloverdracht en de huurvorm.',
                link: { to: casePath(c.id), label: 'Naar de casus' },
              },
              facts.today,
            ),
          );
          break;
        case 'startAftercare':
          tasks.push(
            task(
              kind,
              c.id,
              {
                title: `Nazorg starten: ${subject}`,
                detail: 'De bewoner is verhuisd.',
                link: { to: casePath(c.id), label: 'Naar de casus' },
              },
              facts.today,
            ),
          );
          break;
        default:
          break;
      }
    }
    // The corporation's dwelling stands empty while the answer is overdue: it follows it up (or withdraws the offer).
    if (
      seat === 'corporation' &&
      c.state === 'offered' &&
      c.isOwnDwelling === true &&
      c.isOfferAccepted !== true &&
      c.offerAnswerDueOn &&
      facts.today > c.offerAnswerDueOn
    ) {
      tasks.push(
        task(
          'offerUnanswered',
          c.id,
          {
            title: `Aanbod zonder antwoord: ${subject}`,
            detail:
              'De termijn voor het antwoord van de bewoner is verstreken. Neem contact op met de casemanager, of trek het aanbod in.',
            dueDate: c.offerAnswerDueOn,
            link: { to: casePath(c.id), label: 'Naar de casus' },
          },
          facts.today,
        ),
      );
    }
    // After the decision the case manager tells the resident, with the letter in plain Dutch.
    if (
      seat === 'casemanager' &&
      c.decidedAt !== null &&
      !c.isLetterGiven &&
      (c.state === 'decided' || c.state === 'searching')
    ) {
      tasks.push(
        task(
          'giveDecisionLetter',
          c.id,
          {
            title: `Besluit aan de bewoner geven: ${subject}`,
            detail: `De tafel besloot op ${formatDutchDate(amsterdamDate(new Date(c.decidedAt)))}.`,
            link: { to: `${casePath(c.id)}/brief`, label: 'Brief openen' },
          },
          facts.today,
        ),
      );
    }
  }
  if (readyForChair > 0) {
    const waiting =
      readyForChair === 1
        ? '1 uitstroomgerede casus wacht'
        : `${readyForChair} uitstroomgerede casussen wachten`;
    // With a table to go on: put them on its agenda; without one: plan a table first.
    tasks.push(
      nextTable
        ? task(
            'scheduleCase',
            'region',
            {
              title: `Agenderen: ${waiting} op een agenda`,
              detail: `Eerstvolgende tafel: ${nextTable.title}, ${formatDutchDate(tableDay(nextTable))}.`,
              link: { to: tablePath(nextTable.id), label: 'Naar de tafel' },
            },
            facts.today,
          )
        : task(
            'planTable',
            'region',
            {
              title: 'Tafel plannen',
              detail: `${waiting} op een tafel.`,
              link: { to: '/tafels', label: 'Naar de tafels' },
            },
            facts.today,
          ),
    );
  }
  return tasks;
}

function tableTasks(seat: Seat, facts: TaskFacts): Task[] {
  if (seat !== 'chair') return [];
  const tasks: Task[] = [];
  for (const table of facts.tables) {
    const day = tableDay(table);
    const items = table.openItems === 1 ? '1 casus' : `${table.openItems} casussen`;
    if (table.state === 'planned') {
      // The same deadline the table page shows (tables' rules), as an Amsterdam day.
      const publishBy = agendaPublishBy(table.startsAt, facts.agendaPublicationDays);
      const publishByDay = amsterdamDate(new Date(publishBy));
      if (publishByDay > addDays(facts.today, publishAgendaLeadDays)) continue;
      tasks.push(
        task(
          'publishAgenda',
          table.id,
          {
            title: `Agenda delen: ${table.title}`,
            detail:
              table.plannedAt !== undefined &&
              isPlannedAfterPublicationDeadline(publishBy, table.plannedAt)
                ? `Tafel op ${formatDutchDate(day)}; ${items} op de agenda. Gepland na de termijn om de agenda te delen: zij gaat ${formatDutchDays(agendaDaysLate(publishBy, facts.now))} later rond dan afgesproken.`
                : `Tafel op ${formatDutchDate(day)}; ${items} op de agenda.`,
            dueDate: publishByDay,
            isOverdue: isAgendaPublicationLate(table.state, publishBy, facts.now, table.plannedAt),
            link: { to: tablePath(table.id), label: 'Naar de tafel' },
          },
          facts.today,
        ),
      );
    } else if (table.state === 'published' && day <= facts.today) {
      tasks.push(
        task(
          'decideAtTable',
          table.id,
          {
            title: `Besluiten vastleggen en tafel afsluiten: ${table.title}`,
            detail:
              table.openItems > 0
                ? `${items} nog zonder besluit.`
                : 'Alle casussen zijn besproken; sluit de tafel af.',
            dueDate: day,
            link: { to: tablePath(table.id), label: 'Naar de tafel' },
          },
          facts.today,
        ),
      );
    }
  }
  return tasks;
}

function preconditionTasks(facts: TaskFacts): Task[] {
  const horizon = addDays(facts.today, preconditionLeadDays);
  return facts.preconditions
    .filter((p) => p.dueDate <= horizon)
    .map((p) =>
      task(
        'preconditionDue',
        p.id,
        {
          title: `Randvoorwaarde ${lifeDomainLabel[p.lifeDomain].toLowerCase()} regelen: ${caseSubject(p)}`,
          // The due date shows beside it; what the precondition says is read where it is linked (the case or the table).
          detail:
            p.isCaseReachable || p.tableId
              ? 'Wat er is afgesproken, staat bij het besluit.'
              : 'U kunt de casus en de tafel niet openen; vraag de voorzitter van de tafel om de afspraak.',
          dueDate: p.dueDate,
          isOverdue: isPreconditionOverdue(p.dueDate, false, facts.today),
          link: p.isCaseReachable
            ? { to: casePath(p.caseId), label: 'Naar de casus' }
            : p.tableId
              ? { to: tablePath(p.tableId), label: 'Naar de tafel' }
              : null,
        },
        facts.today,
      ),
    );
}

/** Late first, then by due date (undated last), then in the order of the kinds, then by title. */
export function sortTasks(tasks: readonly Task[]): Task[] {
  return [...tasks].sort(
    (a, b) =>
      Number(b.isOverdue) - Number(a.isOverdue) ||
      (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
      taskKinds.indexOf(a.kind) - taskKinds.indexOf(b.kind) ||
      a.title.localeCompare(b.title, 'nl'),
  );
}

/** What a seat can and should do now. The region's administrator does no case work: no tasks. */
export function tasksFor(seat: Seat, facts: TaskFacts): Task[] {
  if (seat === 'regionAdmin') return [];
  return sortTasks([
    ...caseTasks(seat, facts),
    ...tableTasks(seat, facts),
    ...preconditionTasks(facts),
  ]);
}
