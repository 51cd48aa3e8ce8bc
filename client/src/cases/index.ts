// The front door of the cases module for other modules: the case as a seat may see it, and its documents.
export { fetchCase, projectedCaseSchema, type ProjectedCase } from './case-api';
export { documentUrl, useCaseDocuments } from './privacy/documents-api';
