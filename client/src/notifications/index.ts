// The front door of the notifications module.
export { invalidateNotifications } from './notifications-api';
export { NotificationPreferencesForm } from './NotificationPreferencesForm';
