import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import {
  formatDutchDate,
  taskKindLabel,
  type Seat,
  type Task,
  type TaskList,
} from '@uitstroom/shared';
import { QueryStatus } from '../core/query/QueryState';
import { useMe } from '../core/session';
import { useTasks } from './tasks-api';
import './tasks.css';

const intro: Record<Seat, string> = {
  casemanager:
    'Uw casussen die op u wachten: een intake aanvullen, uitstroomgereed melden, agenderen, het besluit aan de bewoner geven.',
  chair:
    'Agenda’s die gedeeld moeten worden, tafels die op besluiten wachten, en uitstroomgerede casussen zonder tafel.',
  municipality:
    'Plaatsingen om te bevestigen en randvoorwaarden van uw gemeente die hun einddatum naderen.',
  corporation:
    'Casussen die een woning zoeken waar u kunt aanbieden, en randvoorwaarden van uw corporatie.',
  provider:
    'Nazorg die kan starten en randvoorwaarden van uw organisatie die hun einddatum naderen.',
  regionAdmin: 'De regio-beheerder heeft geen taken in casussen.',
};

/** `/taken`: what the seat can and should do now, each one click from where it is done. */
export function TasksPage() {
  const me = useMe();
  const tasks = useTasks();
  const list: TaskList | undefined = tasks.data;
  const overdue = list?.items.filter((t) => t.isOverdue).length ?? 0;

  return (
    <div className="tasks-page">
      <Heading level={1}>Mijn taken</Heading>
      <Paragraph className="tasks-page__intro">{intro[me.seat]}</Paragraph>
      <QueryStatus
        query={tasks}
        loading="Taken laden…"
        failure="Uw taken konden niet worden geladen."
      />
      {list && list.count === 0 && (
        <div className="empty-state">
          <Heading level={2}>Niets te doen op dit moment</Heading>
          <Paragraph>
            Zodra een casus, een tafel of een randvoorwaarde op u wacht, staat die hier, met een
            link naar de plek waar u het doet.
          </Paragraph>
        </div>
      )}
      {list && list.count > 0 && (
        <>
          <Paragraph role="status" className="tasks-page__count">
            {list.count === 1 ? '1 taak' : `${list.count} taken`}
            {overdue > 0 ? `, waarvan ${overdue} te laat` : ''}
          </Paragraph>
          <ul className="task-list" aria-label="Taken">
            {list.items.map((task) => (
              <TaskItem key={task.id} task={task} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function TaskItem({ task }: { task: Task }) {
  return (
    <li className={`task${task.isOverdue ? ' task--late' : ''}`}>
      <Heading level={2} className="task__title">
        {task.link ? (
          <RouterLink to={task.link.to} title={task.link.label}>
            {task.title}
          </RouterLink>
        ) : (
          task.title
        )}
      </Heading>
      <Paragraph className="task__meta">
        <StatusBadge status="neutral" className="task-badge">
          {taskKindLabel[task.kind]}
        </StatusBadge>
        {task.dueDate && (
          <StatusBadge
            status={task.isOverdue ? 'danger' : 'neutral'}
            className={`task-badge${task.isOverdue ? ' task-badge--late' : ' task-badge--due'}`}
          >
            {task.isOverdue
              ? `Te laat: uiterlijk ${formatDutchDate(task.dueDate)}`
              : `Uiterlijk ${formatDutchDate(task.dueDate)}`}
          </StatusBadge>
        )}
        {task.detail && <span className="task__detail">{task.detail}</span>}
      </Paragraph>
    </li>
  );
}
