// The front door of the placements module: all that other modules and the app may use of it.
export { overdueOffersJob } from './placements.jobs';
export { placementsRoutes } from './placements.routes';
export { offerFactsForTasks } from './placements.service';
