/** Roles are held per group; one person can hold several in the same group. */
export const ROLES = ['member', 'chair', 'vice-chair', 'officer', 'staff', 'committee'] as const;
export type Role = (typeof ROLES)[number];

export const TENURES = ['tenant', 'leaseholder', 'shared-owner'] as const;
export type Tenure = (typeof TENURES)[number];

/** Where a person is recorded as living or working, used for own-area conflicts. */
export type Area = string;
