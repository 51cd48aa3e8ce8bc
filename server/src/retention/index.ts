// The front door of the retention module: all that other modules and the app may use of it.
export { retentionRoutes } from './retention.routes';
