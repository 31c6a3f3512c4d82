import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { Schema, type Connection } from 'mongoose';
import { defineModel } from '../model-registry';

/**
 * One Slack workspace's (or Enterprise Grid org's) installation of the bot: what Bolt needs to
 * act in that workspace. The whole Installation is kept as Slack gave it, as JSON, so a field
 * Slack adds later survives a round trip; the key and token columns are what we look up by.
 */
export interface SlackInstallationRecord {
  /** `T:<team id>`, or `E:<enterprise id>` for an org-wide install. */
  _id: string;
  teamId?: string;
  enterpriseId?: string;
  botUserId?: string;
  installedBy: string;
  installedAt: Date;
  installation: string;
}

const schema = new Schema<SlackInstallationRecord>(
  {
    _id: { type: String, required: true },
    teamId: { type: String },
    enterpriseId: { type: String },
    botUserId: { type: String },
    installedBy: { type: String, required: true },
    installedAt: { type: Date, required: true },
    installation: { type: String, required: true },
  },
  { collection: 'slack_installations', versionKey: false },
);

export const slackInstallationModel = defineModel<SlackInstallationRecord>(
  'SlackInstallation',
  schema,
);

function keyOf(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new Error('a Slack installation needs a team id or, for an org install, an enterprise id');
}

/**
 * Bolt's installation store on MongoDB, so every bot instance serves every workspace that
 * installed the app. Re-installing (new scopes, a new token) replaces the workspace's one record.
 */
export class MongoInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Connection,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const key = keyOf({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await slackInstallationModel(this.db).replaceOne(
      { _id: key },
      {
        _id: key,
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        botUserId: installation.bot?.userId,
        installedBy: installation.user.id,
        installedAt: this.now(),
        installation: JSON.stringify(installation),
      },
      { upsert: true },
    );
  }

  async fetchInstallation(
    query: InstallationQuery<boolean>,
  ): Promise<Installation<'v1' | 'v2', boolean>> {
    const record = await slackInstallationModel(this.db)
      .findById(keyOf(query))
      .lean<SlackInstallationRecord>();
    if (!record) throw new Error(`Slack: no installation for ${keyOf(query)}`);
    return JSON.parse(record.installation) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await slackInstallationModel(this.db).deleteOne({ _id: keyOf(query) });
  }

  /** The bot token for a workspace, for messages the bot sends on its own initiative. */
  async botTokenFor(teamId: string): Promise<string | undefined> {
    const record = await slackInstallationModel(this.db)
      .findById(`T:${teamId}`)
      .lean<SlackInstallationRecord>();
    if (!record) return undefined;
    const installation = JSON.parse(record.installation) as Installation;
    return installation.bot?.token;
  }
}
