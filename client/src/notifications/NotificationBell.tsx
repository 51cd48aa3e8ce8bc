import { NavLink } from 'react-router';
import { useUnreadCount } from './notifications-api';
import './notifications.css';

/**
 * "Meldingen" in the page header with the number unread. The number is read again after every
 * navigation and whenever the notifications change (live); a screen reader hears a new count once,
 * politely, without the focus moving.
 */
export function NotificationBell() {
  const count = useUnreadCount().data ?? null;
  const unread = count ?? 0;
  return (
    <div className="notification-bell">
      <NavLink to="/meldingen" className="notification-bell__link">
        <svg
          className="notification-bell__icon"
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        <span>Meldingen</span>
        {unread > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
        <span className="visually-hidden">
          {unread === 0 ? ', geen ongelezen' : `, ${unread} ongelezen`}
        </span>
      </NavLink>
      <span className="visually-hidden" role="status" aria-live="polite">
        {count === null
          ? ''
          : unread === 0
            ? 'Geen ongelezen meldingen'
            : unread === 1
              ? '1 ongelezen melding'
              : `${unread} ongelezen meldingen`}
      </span>
    </div>
  );
}
