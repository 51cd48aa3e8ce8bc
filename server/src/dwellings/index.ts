// The front door of the dwellings module: all that other modules and the app may use of it.
export { dwellingScope } from './dwellings.policy';
export { findDwellingInScope } from './dwellings.repository';
export { dwellingsRoutes } from './dwellings.routes';
// The import (server/src/import) writes many dwellings and contingents at once.
export { writeImportedDwellings, type ImportedDwellingWrite } from './dwellings.repository';
export { upsertImportedContingents } from './contingents.repository';
