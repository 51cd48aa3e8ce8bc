// The front door of the follow-up support module: the panel on a case, and erasure after retention.
export { SupportPanel } from './SupportPanel';
export { fetchErasureCandidates, useEraseCase } from './support-api';
