// The front door of the import module: all that the app and the command line may use of it.
export { importRoutes } from './import.routes';
export { importFile, downloadTemplate, type ImportServices } from './import.service';
