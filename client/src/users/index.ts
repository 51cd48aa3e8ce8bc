// The front door of the users module: what other client modules may use of it.
export { useAdminOrganisations } from './users-api';
