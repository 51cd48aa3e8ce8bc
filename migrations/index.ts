import { WalkingSkeleton1764057600000 } from './1764057600000-walking-skeleton';
import { RuleSets1764086400000 } from './1764086400000-rule-sets';
import { Accounts1764172800000 } from './1764172800000-accounts';
import { CaseFiles1764259200000 } from './1764259200000-case-files';
import { ConsentAndDocuments1764345600000 } from './1764345600000-consent-and-documents';
import { Tables1764432000000 } from './1764432000000-tables';
import { Live1764518400000 } from './1764518400000-live';
import { Notifications1764604800000 } from './1764604800000-notifications';
import { Dwellings1764691200000 } from './1764691200000-dwellings';
import { OffersAndPlacements1764864000000 } from './1764864000000-offers-and-placements';
import { FollowUpSupport1764950400000 } from './1764950400000-follow-up-support';
import { Indicators1765036800000 } from './1765036800000-indicators';
import { IndicatorIndexes1765123200000 } from './1765123200000-indicator-indexes';
import { PreconditionDoneBy1765209600000 } from './1765209600000-precondition-done-by';
import { FreeTextOutOfAudit1765296000000 } from './1765296000000-free-text-out-of-audit';
import { DeniedAccess1765382400000 } from './1765382400000-denied-access';
import { AccountLockout1765468800000 } from './1765468800000-account-lockout';
import { AuditChain1765555200000 } from './1765555200000-audit-chain';
import { ClosedCaseReleasesOffers1765641600000 } from './1765641600000-closed-case-releases-offers';
import { TableCancellation1765728000000 } from './1765728000000-table-cancellation';
import { NeighbourhoodLists1765807200000 } from './1765807200000-neighbourhood-lists';
import { RuleSetDraftsAndBinding1765900000000 } from './1765900000000-rule-set-drafts-and-binding';
import { RegionImport1765910000000 } from './1765910000000-region-import';
import { IdentityProviders1765930000000 } from './1765930000000-identity-providers';
import { ApiTokensAndEvents1765940000000 } from './1765940000000-api-tokens-and-events';
import { StepCorrections1765950000000 } from './1765950000000-step-corrections';
import { ProviderContact1765950000001 } from './1765950000001-provider-contact';

/** Every migration, in order. Listed explicitly so that no loader has to glob TypeScript files. */
export const migrations = [
  WalkingSkeleton1764057600000,
  RuleSets1764086400000,
  Accounts1764172800000,
  CaseFiles1764259200000,
  ConsentAndDocuments1764345600000,
  Tables1764432000000,
  Live1764518400000,
  Notifications1764604800000,
  Dwellings1764691200000,
  OffersAndPlacements1764864000000,
  FollowUpSupport1764950400000,
  Indicators1765036800000,
  IndicatorIndexes1765123200000,
  PreconditionDoneBy1765209600000,
  FreeTextOutOfAudit1765296000000,
  DeniedAccess1765382400000,
  AccountLockout1765468800000,
  AuditChain1765555200000,
  ClosedCaseReleasesOffers1765641600000,
  TableCancellation1765728000000,
  NeighbourhoodLists1765807200000,
  RuleSetDraftsAndBinding1765900000000,
  RegionImport1765910000000,
  IdentityProviders1765930000000,
  ApiTokensAndEvents1765940000000,
  StepCorrections1765950000000,
  ProviderContact1765950000001,
];
