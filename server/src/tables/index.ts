// The front door of the tables module: all that other modules and the app may use of it.
import { registerCorrectionUndo } from '../cases';
import { decisionCorrection } from './decision-correction';

// Herstel of a decision is the tables module's to do: the cases module asks it through this.
registerCorrectionUndo('decision', decisionCorrection);

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
