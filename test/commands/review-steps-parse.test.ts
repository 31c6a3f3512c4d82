import { mentionToken, parseCommand } from '../../src/commands';
import { fakeContext } from './parse-context';

const sam = mentionToken('U0SAM');
const jo = mentionToken('U0JO');
const parsed = (text: string) => parseCommand(text, fakeContext());

describe('review steps: references, words and people read by where they sit', () => {
  it('takes the reference after the command words, in any case and with or without the dash', () => {
    expect(parsed('review r12')).toEqual({
      ok: true,
      command: { type: 'review-show', reviewRef: 'R-12' },
    });
    expect(parsed('review done R-12 step:3')).toEqual({
      ok: true,
      command: { type: 'review-done', reviewRef: 'R-12', step: 3 },
    });
    expect(parsed('review skip step:2 R-12 "Already held"')).toMatchObject({
      ok: true,
      command: { reviewRef: 'R-12', step: 2, reason: 'Already held' },
    });
  });

  it('refuses a missing reference or step with what to type', () => {
    expect(parsed('review done step:3')).toMatchObject({
      ok: false,
      message: 'review done needs a review reference: such as R-12.',
    });
    expect(parsed('review done R-12 step:11')).toMatchObject({
      ok: false,
      message: expect.stringContaining('from 1 to 10'),
    });
  });

  it('reads the people after invite: and management:, and refuses a name typed without a mention', () => {
    expect(parsed(`review meeting R-1 on:06/03/2026 invite:${sam} ${jo}`)).toEqual({
      ok: true,
      command: {
        type: 'review-meeting',
        reviewRef: 'R-1',
        on: '2026-03-06',
        inviteUserIds: ['U0SAM', 'U0JO'],
      },
    });
    expect(parsed(`review agree R-1 agreed:1,2 not:3 management:${sam}`)).toEqual({
      ok: true,
      command: {
        type: 'review-agree',
        reviewRef: 'R-1',
        agreed: [1, 2],
        notAgreed: [3],
        managementUserId: 'U0SAM',
      },
    });
    expect(parsed(`review agree R-1 agreed:1 management:${sam} ${jo}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining('takes one person'),
    });
    expect(parsed('review meeting R-1 on:06/03/2026 invite:sam')).toMatchObject({
      ok: false,
      message: expect.stringContaining('pick the person from the list'),
    });
    expect(parsed(`review done R-1 step:3 ${sam}`)).toMatchObject({
      ok: false,
      message: expect.stringContaining("doesn't take a person"),
    });
  });

  it('reads draft or final, and agreed, as bare words', () => {
    expect(parsed('review report R-1 final link:https://docs.example/r')).toEqual({
      ok: true,
      command: {
        type: 'review-report',
        reviewRef: 'R-1',
        kind: 'final',
        link: 'https://docs.example/r',
      },
    });
    expect(parsed('review report R-1')).toMatchObject({
      ok: false,
      message: 'review report needs which report: draft or final.',
    });
    expect(parsed('review report R-1 draft link:http://docs.example/r')).toMatchObject({
      ok: false,
      message: expect.stringContaining('https://'),
    });
    expect(parsed('review escalate R-1 "No answer from the board" agreed')).toEqual({
      ok: true,
      command: {
        type: 'review-escalate',
        reviewRef: 'R-1',
        reason: 'No answer from the board',
        agreed: 'agreed',
      },
    });
  });

  it('held: attendees as a number, notes optional', () => {
    expect(parsed('review held R-1 attendees:7')).toEqual({
      ok: true,
      command: { type: 'review-held', reviewRef: 'R-1', attendees: 7 },
    });
    expect(parsed('review held R-1 attendees:seven')).toMatchObject({ ok: false });
  });
});
