// The front door of the health module: all that other modules and the app may use of it.
export { healthRoutes } from './health.routes';
