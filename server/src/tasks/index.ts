// The front door of the tasks module: all that other modules and the app may use of it.
export { tasksRoutes } from './tasks.routes';
