// The front door of the placements module: the offer and move on a case, and a dwelling's offers.
export { CasePlacement } from './CasePlacement';
export { OfferThisDwelling } from './OfferThisDwelling';
export { DwellingOffers } from './DwellingOffers';
