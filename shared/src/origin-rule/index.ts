export * from './dutch-format';
export * from './origin-rule.schemas';
export * from './origin-rule.rules';
export * from './origin-rule.fast-parse';
