import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Bank holidays differ across the UK's three jurisdictions; England and Wales share one list. */
export const REGIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Region = (typeof REGIONS)[number];
export const regionSchema = z.enum(REGIONS);

/** The date-holidays state code for each region, under country GB. */
export const HOLIDAY_STATE: Readonly<Record<Region, string>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

export const DEFAULT_ZONE = 'Europe/London';

/** Settings as an organisation stores them; the zone must be one luxon can resolve. */
export const calendarSettingsSchema = z.object({
  region: regionSchema,
  zone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), {
      message: 'Use an IANA time zone, e.g. Europe/London.',
    })
    .default(DEFAULT_ZONE),
});
