import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import {
  formatDutchDateAtTime,
  notificationKindLabel,
  type NotificationList,
  type NotificationView,
} from '@uitstroom/shared';
import { failureOf, QueryStatus } from '../core/query/QueryState';
import { SelectField } from '../core/form';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  type NotificationOrder as Order,
} from './notifications-api';
import { Pager } from '../core/Pager';
import './notifications.css';
import { FailureAlert } from '../core/FailureAlert';

/** `7 december 2026 om 00:30`, Dutch time. */
const moment = { format: (date: Date) => formatDutchDateAtTime(date) };

/** `/meldingen`: the signed-in user's notifications, each with a link to where it is about. */
export function NotificationsPage() {
  const [order, setOrder] = useState<Order>('unreadFirst');
  const [page, setPage] = useState(1);
  const notifications = useNotifications(order, page);
  const list: NotificationList | undefined = notifications.data;
  const markOne = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const writeError = markOne.error ?? markAllRead.error;
  const failure = writeError ? failureOf(writeError, 'Markeren als gelezen is niet gelukt.') : null;
  const isBusy = markAllRead.isPending;
  // A new order or page is a new list (its own query).
  const reload = (next: { order?: Order; page?: number }) => {
    setOrder(next.order ?? order);
    setPage(next.page ?? page);
  };
  const markRead = (notification: NotificationView) => markOne.mutate(notification.id);
  const markAll = () => markAllRead.mutate();

  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  return (
    <div className="notifications-page">
      <Heading level={1}>Meldingen</Heading>
      <Paragraph className="notifications-page__intro">
        Wat er voor u is gebeurd en om actie vraagt: een gedeelde agenda, een besluit dat u aangaat,
        een randvoorwaarde op de einddatum. Of u meldingen ook per e-mail krijgt, stelt u in bij{' '}
        <RouterLink to="/account">Mijn account</RouterLink>.
      </Paragraph>
      <FailureAlert failure={failure} />
      <QueryStatus
        query={notifications}
        loading="Meldingen laden…"
        failure="De meldingen konden niet worden geladen."
      />
      {list && (
        <>
          <div className="notifications-page__controls">
            <SelectField
              label="Volgorde"
              value={order}
              onChange={(event) => reload({ order: event.target.value as Order, page: 1 })}
            >
              <option value="unreadFirst">Ongelezen eerst</option>
              <option value="newest">Nieuwste eerst</option>
            </SelectField>
            <UnreadCount list={list} />
            {list.unreadCount > 0 && (
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={markAll}
                disabled={isBusy}
              >
                Alles als gelezen markeren
              </Button>
            )}
          </div>
          {list.items.length === 0 ? (
            <NoNotifications />
          ) : (
            <ul className="notification-list" aria-label="Meldingen">
              {list.items.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  onRead={() => markRead(notification)}
                />
              ))}
            </ul>
          )}
          <Pager page={page} pages={pages} onPage={(page) => reload({ page })} />
        </>
      )}
    </div>
  );
}

/** How many of the notifications are unread, of how many. */
function UnreadCount({ list }: { list: NotificationList }) {
  return (
    <Paragraph className="notifications-page__count">
      {list.unreadCount === 0
        ? 'Alles gelezen'
        : list.unreadCount === 1
          ? '1 ongelezen melding'
          : `${list.unreadCount} ongelezen meldingen`}
      {list.total > 0 && ` van ${list.total}`}
    </Paragraph>
  );
}

function NoNotifications() {
  return (
    <div className="empty-state">
      <Heading level={2}>Geen meldingen</Heading>
      <Paragraph>
        Zodra er iets is waarop u moet letten of reageren, ziet u het hier. Wat u nu kunt doen,
        staat bij Mijn taken.
      </Paragraph>
    </div>
  );
}

function NotificationItem({
  notification,
  onRead,
}: {
  notification: NotificationView;
  onRead: () => void;
}) {
  const isUnread = notification.readAt === null;
  return (
    <li className={`notification-item${isUnread ? ' notification-item--unread' : ''}`}>
      <div className="notification-item__meta">
        <StatusBadge status="neutral" className="notification-badge">
          {notificationKindLabel[notification.kind]}
        </StatusBadge>
        {isUnread && (
          <StatusBadge status="warning" className="notification-badge notification-badge--new">
            Nieuw
          </StatusBadge>
        )}
        <span className="notification-item__time">
          {moment.format(new Date(notification.createdAt))}
        </span>
      </div>
      <Paragraph className="notification-item__title">
        {/* Following the link reads the notification: that is what it was for. */}
        {notification.link ? (
          <RouterLink
            to={notification.link.to}
            onClick={() => {
              if (isUnread) onRead();
            }}
          >
            {notification.title}
          </RouterLink>
        ) : (
          notification.title
        )}
      </Paragraph>
      {!notification.link && (
        <Paragraph className="notification-item__note">
          U kunt dit niet (meer) openen met uw rol; vraag zo nodig de voorzitter van de tafel.
        </Paragraph>
      )}
      {isUnread && (
        <Button
          type="button"
          appearance="subtle-button"
          className="notification-item__read"
          onClick={onRead}
        >
          Markeer als gelezen<span className="visually-hidden">: {notification.title}</span>
        </Button>
      )}
    </li>
  );
}
