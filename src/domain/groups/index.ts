export * from './group-kind';
export * from './conduct';
export * from './membership-policy';
export * from './policy-schema';
export * from './policy-consistency';
export * from './edit-policy';
export * from './presets';
