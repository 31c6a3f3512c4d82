import type { RunningBot } from '../../src/bot';
import { post } from './http';
import { sentPrivatelyTo, shown, teamsChannel, type TeamsSent, type TeamsUser } from './teams';

/**
 * One group's channel in Teams for a journey test: commands typed with `<at>` mentions, card
 * clicks as `adaptiveCard/action` invokes, and the data a card's button would send, read from
 * the card the bot sent (so a journey clicks what a person sees, not ids read from the database).
 */
export function teamsJourney(
  bot: () => RunningBot,
  where: { service: string; tenant: string; channel: string },
) {
  const teams = teamsChannel(where);
  let sent: TeamsSent[] = [];
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  /** Starts recording what the bot sends (call in each test, after nock was cleaned). */
  const capture = () => {
    sent = teams.capture();
    return sent;
  };

  /** `@Scrutiny <text>`, `@name` written as each mentioned person; resolves with all it sent. */
  async function say(from: TeamsUser, text: string, mentioned: TeamsUser[] = []) {
    const before = sent.length;
    const typed = mentioned.reduce(
      (line, who) => line.split(`@${who.name}`).join(`<at>${who.name}</at>`),
      text,
    );
    const res = await send(teams.command(from, `<at>Scrutiny</at> ${typed}`, mentioned));
    expect(res.status).toBe(200);
    return sent.slice(before).map(shown).join('\n');
  }

  /** A click on a card button (or a form's submit), as Teams invokes it; the card it answers with. */
  async function click(from: TeamsUser, verb: string, data: Record<string, unknown>) {
    const res = await send(teams.invoke(from, verb, data));
    expect(res.status).toBe(200);
    return JSON.stringify(res.json());
  }

  /** The data of the first `verb` button on the latest card sent to `to` (privately) or anywhere. */
  function buttonData(verb: string, to?: TeamsUser): Record<string, unknown> {
    const pool = to ? sentPrivatelyTo(sent, to) : sent;
    for (const message of [...pool].reverse()) {
      const found = findAction(message.attachments?.[0]?.content, verb);
      if (found) return found;
    }
    throw new Error(`No ${verb} button was sent${to ? ` to ${to.name}` : ''}`);
  }

  /** The inputs (id and type) of the latest card sent with a `verb` button. */
  function inputsOf(verb: string, to?: TeamsUser): Array<{ id: string; type: string }> {
    const pool = to ? sentPrivatelyTo(sent, to) : sent;
    const card = [...pool]
      .reverse()
      .map((m) => m.attachments?.[0]?.content)
      .find((content) => findAction(content, verb));
    const inputs: Array<{ id: string; type: string }> = [];
    JSON.stringify(card, (_key, value: unknown) => {
      const node = value as { id?: unknown; type?: unknown } | null;
      if (
        node &&
        typeof node.id === 'string' &&
        typeof node.type === 'string' &&
        node.type.startsWith('Input.')
      )
        inputs.push({ id: node.id, type: node.type });
      return value;
    });
    return inputs;
  }

  const privately = (to: TeamsUser) => sentPrivatelyTo(sent, to).map(shown).join('\n');

  return { teams, capture, say, click, buttonData, inputsOf, privately, send };
}

function findAction(content: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  JSON.stringify(content ?? null, (_key, value: unknown) => {
    const node = value as { verb?: unknown; data?: unknown } | null;
    if (!found && node && node.verb === verb && typeof node.data === 'object' && node.data)
      found = node.data as Record<string, unknown>;
    return value;
  });
  return found;
}

/** Answers for every checklist question of a findings form, by input type. */
export function checklistAnswers(inputs: Array<{ id: string; type: string }>) {
  return Object.fromEntries(
    inputs
      .filter(({ id }) => id.startsWith('q.'))
      .map(({ id, type }) => [
        id,
        type === 'Input.Toggle'
          ? 'true'
          : type === 'Input.ChoiceSet'
            ? '4'
            : type === 'Input.Number'
              ? '2'
              : 'As the standard says',
      ]),
  );
}

/** Every toggle of a card ticked, as a person agreeing to all it asks. */
export function ticked(inputs: Array<{ id: string; type: string }>) {
  return Object.fromEntries(
    inputs.filter(({ type }) => type === 'Input.Toggle').map(({ id }) => [id, 'true']),
  );
}
