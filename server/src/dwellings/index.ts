// The front door of the dwellings module: all that other modules and the app may use of it.
export { dwellingScope } from './dwellings.policy';
export { findDwellingInScope } from './dwellings.repository';
export { dwellingsRoutes } from './dwellings.routes';
