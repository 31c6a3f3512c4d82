export * from './deadline-rules';
export * from './due-dates';
export * from './staff-notice';
export * from './deadline';
export { formatLongDate } from './long-dates';
