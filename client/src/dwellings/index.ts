// The front door of the dwellings module: the dwellings that fit a case.
export { CaseDwellingFits } from './CaseDwellingFits';
