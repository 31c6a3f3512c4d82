import { page, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { NOTHING_MORE } from '../grammar';
import { pageOption, textOption } from '../option-readers';

export const standardsImportCommand = defineCommand({
  type: 'standards-import',
  name: 'standards import',
  who: 'officer',
  usage: 'standards import (with a CSV or JSON file attached)',
  example: 'standards import',
  description: "Imports the landlord's service standards from the attached file.",
  menu: 'Imports service standards from an attached CSV or JSON file',
  // Without a file it asks for one: a form in Slack, whose slash commands cannot carry files.
  answersWithForm: 'without-file',
  ...NOTHING_MORE,
  fields: {},
});

export const standardsListCommand = defineCommand({
  type: 'standards-list',
  name: 'standards',
  // The local offers are published promises (Torus publishes them with their figures), and
  // inspectors and staff need them to know what a check tests: anyone may list them.
  who: 'anyone',
  usage: 'standards [page:<n>] [area:"<service area>"]',
  example: 'standards area:"Repairs and Maintenance"',
  description:
    'Lists the service standards with their keys (for `check assign … standard:<key>`), below-target ones first, a page at a time.',
  menu: 'Lists service standards, below-target ones first',
  person: false,
  options: {
    page: pageOption(),
    area: textOption({
      key: 'area',
      field: 'area',
      noun: 'a service area',
      example: '"Repairs and Maintenance"',
      maxLength: TEXT_LIMITS.area,
    }),
  },
  fields: {
    page: page.optional(),
    /** One service area's standards, as the card names it (case and spacing aside). */
    area: text(TEXT_LIMITS.area).optional(),
  },
});
