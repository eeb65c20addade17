import './zod-locale.js';

export * from './access/access.js';
export * from './auth/auth.schema.js';
export * from './auth/password.rules.js';
export * from './dates.js';
export * from './development/development.rules.js';
export * from './development/development.steps.js';
export * from './errors.js';
export * from './field-labels.js';
export * from './honors/honors.js';
export * from './indicator-groups.js';
export * from './member/bands.js';
export * from './member/idnumber.js';
export * from './member/member.facts.js';
export * from './member/member.rules.js';
export * from './member/member.schema.js';
export * from './org/org.rules.js';
export * from './org/org.schema.js';
