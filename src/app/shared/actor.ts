/**
 * Who is asking. Channels resolve a Teams or Slack user to a person of the organisation before
 * calling a use-case; nothing below the channels knows platform user ids.
 */
export interface Actor {
  organisationId: string;
  personId: string;
}

/** The bot itself, for changes made by schedules (a missed deadline, a lapsed suspension). */
export const SYSTEM_ACTOR_ID = 'system';
