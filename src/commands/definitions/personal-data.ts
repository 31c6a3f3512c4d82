import { platformUserId, text, TEXT_LIMITS } from '../command-fields';
import { defineCommand } from '../define-command';
import { NOTHING_MORE } from '../grammar';

/** A person's own data (UK GDPR): a copy for them, and erasure once they have long left. */

export const myDataCommand = defineCommand({
  type: 'my-data',
  name: 'my data',
  who: 'anyone',
  usage: 'my data',
  example: 'my data',
  description:
    'Sends you, privately, a file of everything the bot holds about you, with a readable summary.',
  menu: 'A copy of everything the bot holds about you, as a file',
  ...NOTHING_MORE,
  fields: {},
});

export const memberEraseCommand = defineCommand({
  type: 'member-erase',
  name: 'member erase',
  who: 'officer',
  usage: 'member erase @person "<reason>"',
  example: 'member erase @Sam Patel "Left in 2019; retention period over"',
  description:
    'Erases the personal details of someone who has left every group, once their groups’ retention period has run: they become “Member <n>” in every record.',
  person: true,
  text: { field: 'reason', noun: 'reason', maxLength: TEXT_LIMITS.reason },
  options: {},
  fields: { personUserId: platformUserId, reason: text(TEXT_LIMITS.reason) },
});
