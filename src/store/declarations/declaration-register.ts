import type { Connection, Model } from 'mongoose';
import { declarationModel, type DeclarationRecord } from './declaration-model';
import { reconfirmationModel, type ReconfirmationRecord } from './reconfirmation-model';

export type NewDeclaration = Omit<DeclarationRecord, '_id' | 'version'>;
export type NewReconfirmation = Omit<ReconfirmationRecord, '_id'>;

/** The register of interests: each declaration, and the members' yearly re-confirmations. */
export class DeclarationRegister {
  /** Exposed for saveChange, which claims the next version and audits the change. */
  readonly declarations: Model<DeclarationRecord>;
  private readonly reconfirmations: Model<ReconfirmationRecord>;

  constructor(connection: Connection) {
    this.declarations = declarationModel(connection);
    this.reconfirmations = reconfirmationModel(connection);
  }

  async declare(declaration: NewDeclaration): Promise<DeclarationRecord> {
    return (await this.declarations.create(declaration)).toObject();
  }

  async get(id: string, organisationId: string): Promise<DeclarationRecord | null> {
    return this.declarations.findOne({ _id: id, organisationId }).lean<DeclarationRecord>();
  }

  /** The member's declarations in the group that have not been ended. */
  async standingFor(groupId: string, personId: string): Promise<DeclarationRecord[]> {
    return this.declarations
      .find({ groupId, personId, endedAt: { $exists: false } })
      .lean<DeclarationRecord[]>();
  }

  /** What the people named have declared in the group and not ended: who, and its text. */
  async standingAmong(
    groupId: string,
    personIds: string[],
  ): Promise<Array<{ personId: string; detail: string }>> {
    return this.declarations
      .find({ groupId, personId: { $in: personIds }, endedAt: { $exists: false } })
      .select({ personId: 1, detail: 1 })
      .lean<Array<{ personId: string; detail: string }>>();
  }

  /** Every declaration made in the group, ended ones too, oldest first. */
  async ofGroup(groupId: string): Promise<DeclarationRecord[]> {
    return this.declarations
      .find({ groupId })
      .sort({ declaredAt: 1, _id: 1 })
      .lean<DeclarationRecord[]>();
  }

  /** Fails with a duplicate-key error if the member already re-confirmed that day. */
  async reconfirm(reconfirmation: NewReconfirmation): Promise<ReconfirmationRecord> {
    return (await this.reconfirmations.create(reconfirmation)).toObject();
  }

  /** The group's re-confirmations, oldest first (so a map keeps each member's latest). */
  async reconfirmationsOf(groupId: string): Promise<ReconfirmationRecord[]> {
    return this.reconfirmations
      .find({ groupId })
      .sort({ at: 1, _id: 1 })
      .lean<ReconfirmationRecord[]>();
  }
}
