// The front door of the indicators module: all that other modules and the app may use of it.
export { indicatorsRoutes } from './indicators.routes';
