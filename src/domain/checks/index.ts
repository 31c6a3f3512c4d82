export * from './check-kinds';
export * from './checklist';
export { CHECKLISTS, checklistFor } from './checklists';
export * from './reality-check';
export * from './answers';
export * from './findings';
export * from './check-assignment';
export * from './assignment-lifecycle';
export * from './publication';
