export * from './new-declaration';
export * from './decisions';
export * from './register';
export * from './reconfirmation';
export * from './conflicts';
export { DECLARATION_KIND_LABELS } from './kind-labels';
export { sameArea } from './areas';
export { declarationNamesPerson } from './names-person';
