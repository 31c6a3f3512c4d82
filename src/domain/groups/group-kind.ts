/**
 * The shapes of group the documents describe: a standing panel (Trafford Quality and Insight
 * Panel), an inspector team (Torus TIMS, Southampton Tenant Inspectors), a committee the panels
 * report to (Torus LOC, Sedgemoor STAC) and a task-and-finish panel raised for one review
 * (Sedgemoor customer-led scrutiny ToR 4.1, 8.1).
 */
export const GROUP_KINDS = [
  'panel',
  'inspector-team',
  'committee',
  'task-and-finish-panel',
] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
