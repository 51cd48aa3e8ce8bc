// The front door of the users module: all that other modules and the app may use of it.
export { usersRoutes } from './users.routes';
// The import (server/src/import) brings in organisations and users, with their invitations.
export { writeImportedPeople } from './users.service';
// The organisations of a region: the partners module issues tokens to one of them.
export { findOrganisationInRegion } from './users.repository';
