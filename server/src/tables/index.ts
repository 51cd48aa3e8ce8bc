// The front door of the tables module: all that other modules and the app may use of it.
export { preparesTables, tableScope } from './tables.policy';
export { tablesRoutes } from './tables.routes';
export {
  escalateToTable,
  getTable,
  isTableInReach,
  openPreconditionsOf,
  tablesShowingCases,
  upcomingTablesOfRegion,
} from './tables.service';
