// The front door of the support module: all that other modules and the app may use of it.
export { followUpChecksJob } from './support.jobs';
export { supportRoutes } from './support.routes';
