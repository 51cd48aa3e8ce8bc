// The front door of the audit module: all that other modules and the app may use of it.
export { auditRoutes } from './audit.routes';
export { auditDeniedAccess } from './denied-access';
