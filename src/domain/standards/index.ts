export * from './service-standard';
export * from './import-standards';
export * from './scrutiny-candidates';
export { readCsv } from './csv';
export type { CsvRecord, CsvReadResult } from './csv';
