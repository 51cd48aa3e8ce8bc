// The front door of the notifications module: all that other modules and the app may use of it.
export { digestJob, preconditionsDueJob } from './notification.jobs';
export { notificationsRoutes } from './notifications.routes';
export { installNotificationMailer, notify } from './notify';
export { notifyAgendaPublished, notifyDecision, notifyTableCancelled } from './table-notifications';
