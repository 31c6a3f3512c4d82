import { defineCommand } from '../define-command';
import { NOTHING_MORE } from '../grammar';

export const helpCommand = defineCommand({
  type: 'help',
  name: 'help',
  who: 'anyone',
  usage: 'help',
  example: 'help',
  description: 'Lists the commands you can use, with an example of each.',
  menu: 'Lists the commands you can use, with an example of each',
  ...NOTHING_MORE,
  ignoresTheRest: true,
  fields: {},
});
