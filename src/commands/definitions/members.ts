import { page } from '../command-fields';
import { defineCommand } from '../define-command';
import { NOTHING_MORE } from '../grammar';
import { pageOption } from '../option-readers';

/** What members do for themselves: declare interests, read the register, see their own work. */

export const declareCommand = defineCommand({
  type: 'declare',
  name: 'declare',
  who: 'member',
  usage: 'declare',
  example: 'declare',
  description: 'Opens the declaration of interests form.',
  menu: 'Opens the declaration of interest form',
  answersWithForm: true,
  ...NOTHING_MORE,
  fields: {},
});

export const registerCommand = defineCommand({
  type: 'register',
  name: 'register',
  who: 'group',
  usage: 'register [page:<n>]',
  example: 'register',
  description: "Shows the group's register of declared interests.",
  menu: "Shows this group's register of interests",
  person: false,
  options: { page: pageOption() },
  fields: { page: page.optional() },
});

export const mineCommand = defineCommand({
  type: 'mine',
  name: 'mine',
  who: 'anyone',
  usage: 'mine [page:<n>]',
  example: 'mine',
  description: 'Lists your open checks, requests and deadlines.',
  menu: 'Your open checks, requests and deadlines',
  person: false,
  options: { page: pageOption() },
  fields: { page: page.optional() },
});
