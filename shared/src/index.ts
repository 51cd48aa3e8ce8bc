export * from './errors';
export * from './validation';
export * from './permissions';
export * from './auth/seats';
export * from './auth/auth.schemas';
export * from './audit/audit.schemas';
export * from './origin-rule';
