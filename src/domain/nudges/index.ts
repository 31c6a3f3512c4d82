export * from './nudge-timetable';
