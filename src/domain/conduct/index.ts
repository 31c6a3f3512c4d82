export * from './ballot-rules';
