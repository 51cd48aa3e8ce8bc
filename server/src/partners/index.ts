// The front door of the partners module (issue 31): API tokens and signed events for the
// organisations' own systems.
export { resolveToken } from './api-tokens.service';
export { partnersRoutes } from './partners.routes';
export { auditTokenRequests, limitTokenRequests } from './token-requests';
export { webhookDeliveryJob } from './webhook-delivery.job';
