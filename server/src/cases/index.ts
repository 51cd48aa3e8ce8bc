// The front door of the cases module: all that other modules and the app may use of it.
export {
  caseScope,
  corporationHousingReach,
  isDestinationMunicipalityOf,
  isFollowUpProviderOf,
  isOwnOrganisationCase,
  stepRefusal,
} from './cases.policy';
export { seatReadsNames } from './cases.projection';
export { findCaseInScope, type CaseRow } from './cases.repository';
export { casesRoutes } from './cases.routes';
export {
  caseFactsForDecision,
  caseNamesInReach,
  caseForFitInReach,
  getCase,
  markCaseActivity,
  moveCase,
  ownCaseFile,
  projectCaseFields,
  projectCaseIfReachable,
  requireCase,
  requireOwnCaseRef,
  searchingCasesInReach,
  seesWhoWorksOnCases,
} from './cases.service';
export { documentsRoutes } from './documents.routes';
export { registerCorrectionUndo, type CorrectionUndo } from './case-corrections.service';
// The demo data (server/src/demo) writes case files with a backdated history, step by step as the
// use cases would, so it needs the case's own write and event record.
export { insertCase, recordCaseEvent } from './cases.repository';
export { prepareCaseWrite } from './cases.service';
// The import (server/src/import) writes many case files at once, with the engine's proposals.
export {
  insertImportedCases,
  updateImportedCases,
  type CaseWrite,
  type ImportedCaseWrite,
} from './cases.repository';
export { prepareCaseWrites } from './cases.service';
