export * from './person-facts';
export * from './membership-facts';
export * from './check-join';
export * from './check-take-part';
export * from './term';
export * from './status-transitions';
export { readableDate } from './readable-date';
