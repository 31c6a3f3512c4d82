export * from './local-date';
export * from './regions';
export type { BankHoliday } from './bank-holidays';
export * from './working-day-calendar';
