import { NavLink } from 'react-router';
import { useTasks } from './tasks-api';
import './tasks.css';

/**
 * "Mijn taken" in the menu with the number of tasks, read again after every navigation (a step
 * taken elsewhere ends a task) and whenever a notification arrives (which often brings one).
 */
export function TasksNavLink() {
  const list = useTasks().data;
  const count = list?.count ?? null;
  const overdue = list?.items.filter((t) => t.isOverdue).length ?? 0;
  return (
    <NavLink to="/taken" className="tasks-nav-link">
      Mijn taken
      {count !== null && count > 0 && (
        <>
          <span
            className={`tasks-nav-link__count${overdue > 0 ? ' tasks-nav-link__count--late' : ''}`}
            aria-hidden="true"
          >
            {count}
          </span>
          <span className="visually-hidden">{`: ${count === 1 ? '1 taak' : `${count} taken`}${overdue > 0 ? `, ${overdue} te laat` : ''}`}</span>
        </>
      )}
    </NavLink>
  );
}
