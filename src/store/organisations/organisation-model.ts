import { Schema } from 'mongoose';
import { clearedOnWrite } from '../cache/read-cache';
import { defineModel, idField } from '../model-registry';

export const PLATFORMS = ['teams', 'slack'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CALENDAR_REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type CalendarRegionName = (typeof CALENDAR_REGIONS)[number];

/** One landlord on one platform: a Teams tenant or a Slack workspace. */
export interface OrganisationRecord {
  _id: string;
  name: string;
  platform: Platform;
  /** The Teams tenant id or the Slack team id. */
  platformTenantId: string;
  timeZone: string;
  calendarRegion: CalendarRegionName;
  createdAt: Date;
  createdBy: string;
}

const organisationSchema = new Schema<OrganisationRecord>(
  {
    _id: idField,
    name: { type: String, required: true },
    platform: { type: String, required: true, enum: PLATFORMS },
    platformTenantId: { type: String, required: true },
    timeZone: { type: String, required: true },
    calendarRegion: { type: String, required: true, enum: CALENDAR_REGIONS },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
  },
  { collection: 'organisations', versionKey: false },
);
// A tenant or workspace is one organisation, however often the bot is installed into it.
organisationSchema.index({ platform: 1, platformTenantId: 1 }, { unique: true });

// Read on every message and click, so kept in memory; any write here clears what is kept.
clearedOnWrite(organisationSchema, 'organisations');

export const organisationModel = defineModel<OrganisationRecord>(
  'Organisation',
  organisationSchema,
);
