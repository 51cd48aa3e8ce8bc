// The front door of the regions module: all that other modules and the app may use of it.
export { regionRoutes } from './regions.routes';
export { countOpenAllocations } from './rule-set.repository';
export {
  allocateByDistribution,
  getCurrentRuleSet,
  isMunicipalityOfRegion,
  isTwoFactorRequired,
  municipalityNamer,
  returnAllocation,
} from './rule-set.service';
