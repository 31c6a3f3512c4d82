/** Rules take the time as an argument; the app passes its clock, tests pass a fixed one. */
export type Clock = () => Date;
