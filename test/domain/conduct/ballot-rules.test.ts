import {
  ballotShouldClose,
  decideBallot,
  DEFAULT_BALLOT_RULES,
  eligibleVoters,
} from '../../../src/domain/conduct';

describe('ballots', () => {
  it('the members present may vote, less the subject and anyone conflicted about them', () => {
    expect(eligibleVoters(['a', 'b', 'c', 'subject', 'b'], 'subject', ['c'])).toEqual(['a', 'b']);
  });

  it('a simple majority of votes cast carries; abstentions count towards quorum only', () => {
    expect(decideBallot({ yes: 3, no: 2, abstain: 4 }, DEFAULT_BALLOT_RULES).result).toBe(
      'carried',
    );
    expect(decideBallot({ yes: 2, no: 3, abstain: 0 }, DEFAULT_BALLOT_RULES).result).toBe(
      'not-carried',
    );
    expect(
      decideBallot({ yes: 2, no: 0, abstain: 1 }, { ...DEFAULT_BALLOT_RULES, quorum: 4 }),
    ).toEqual({ result: 'no-quorum', tally: { yes: 2, no: 0, abstain: 1 }, needed: 4 });
  });

  it('a tie means no action, unless the policy gives the chair a casting vote', () => {
    const tie = { yes: 3, no: 3, abstain: 0 };
    expect(decideBallot(tie, DEFAULT_BALLOT_RULES, 'yes').result).toBe('tie-no-action');
    const casting = { ...DEFAULT_BALLOT_RULES, tie: 'chair-casting-vote' as const };
    expect(decideBallot(tie, casting)).toEqual({ result: 'tie-no-action', tally: tie });
    expect(decideBallot(tie, casting, 'yes')).toEqual({
      result: 'carried',
      tally: tie,
      byCastingVote: true,
    });
  });

  it('two thirds means two thirds of those voting yes or no', () => {
    const rules = { ...DEFAULT_BALLOT_RULES, majority: 'two-thirds' as const };
    expect(decideBallot({ yes: 4, no: 2, abstain: 5 }, rules).result).toBe('carried');
    expect(decideBallot({ yes: 3, no: 2, abstain: 0 }, rules).result).toBe('not-carried');
  });

  it('closes at its time or once everyone eligible has voted', () => {
    const closesAt = new Date('2026-03-02T10:30:00Z');
    expect(ballotShouldClose(new Date('2026-03-02T10:00:00Z'), closesAt, 4, 5)).toBe(false);
    expect(ballotShouldClose(new Date('2026-03-02T10:00:00Z'), closesAt, 5, 5)).toBe(true);
    expect(ballotShouldClose(closesAt, closesAt, 0, 5)).toBe(true);
  });
});
