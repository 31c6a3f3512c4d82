import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type CloudAdapter,
  type FileConsentCardResponse,
} from 'botbuilder';
import pLimit from 'p-limit';
import { isDatabaseUnavailable, TRY_AGAIN_TEXT } from '../../app/shared/unavailable';
import { speakerOf, type Speaker, type SpeakerSettings } from '../../app/conversations/speaker';
import { runCardAction } from '../../app/dispatch/card-actions';
import { noticeReply, refusalReply, type Reply } from '../../app/dispatch/reply';
import { runCommand } from '../../app/dispatch/run-command';
import { sayWorkingIfSlow, WORKING_TEXT } from '../../app/dispatch/slow-work';
import { commandTakesFile } from '../../app/dispatch/form-requests';
import type { Messenger } from '../../app/messaging/messenger';
import { postDeliveries } from '../../app/messaging/post-deliveries';
import type { AppContext } from '../../app/shared/context';
import { renderTeamsCard } from '../../cards/render-teams';
import { ConversationBook } from '../../store/conversations/conversation-book';
import {
  FirstRunWroteError,
  inDeliveryScope,
  outsideDeliveryScope,
} from '../../store/delivery-scope';
import { InboundLedger } from '../../store/inbound-ledger';
import type { Logger } from '../../log/logger';
import { commandTextOf, teamsSpeakerOf } from './teams-speaker';
import {
  AttachmentRefused,
  downloadFile,
  downloadTable,
  isAllowedFileHost,
  sentFilesOf,
  tableFilesOf,
} from './teams-attachments';
import {
  attachFindingFiles,
  findingFileLinks,
  openFindingsOf,
} from '../../app/findings/finding-files';
import { checkStatusCard } from '../../app/dispatch/view-models';
import { MAX_FINDING_FILE_BYTES } from '../../domain/findings/finding-file-kinds';
import { privateAddressOf, sendPrivately, type PrivateAddress } from './private-chat';
import type { OutgoingFile } from '../../app/messaging/outgoing-file';
import { OutgoingFileStore } from '../../store/outgoing-files/outgoing-file-store';
import { fileConsentAnswer, fileConsentCard, fileInfoCard, uploadToSession } from './file-delivery';

export interface TeamsBotDeps {
  ctx: AppContext;
  settings: SpeakerSettings;
  /** Where replies that go elsewhere (offers, requests) are sent; set once the adapter exists. */
  messenger: () => Messenger | undefined;
  log: Logger;
  /** The bot's app id ('' in emulator mode), for conversations the bot starts. */
  botAppId: string;
}

const WELCOME = noticeReply('Hello, I am the scrutiny bot.', 'info', [
  'I help your tenant panel run inspections, reviews, declarations and votes here in Teams.',
  'Officers: start with `group create "<name>" preset:<torus-tims|southampton-ti|trafford-qip|sedgemoor-scrutiny>`.',
  'Everyone: type `help` to see what you can do, and `mine` for what is waiting on you.',
  'I keep only what the scrutiny rules need: your name in Teams, your roles, dates of training and agreements, and what you declare.',
]);

export const SENT_PRIVATELY_TEXT = 'I’ve sent you the details in our private chat.';
export const NO_PRIVATE_CHAT_TEXT =
  'That answer is for you alone, and I could not open a private chat with you. Open a chat with me (Scrutiny) and ask there.';
/**
 * How long a repeat of an activity still being handled waits for the first to finish, to give
 * its answer, before it is turned away to be sent again (well inside Teams' 15 s).
 */
const REPEAT_WAITS_MS = 5_000;

/** Set on a turn whose answer the ledger has kept, which marks it finished too. */
const ANSWER_KEPT = Symbol('answer kept');

export const ALREADY_IN_HAND_TEXT = 'That request reached me twice; I have acted on it once.';
const SORRY_TEXT = 'Sorry, something went wrong on my side. Please try again in a moment.';
export const FILE_IN_PRIVATE_CHAT_TEXT =
  'I’ve sent the file to our private chat: accept it there and it goes to your OneDrive.';
export const NO_PRIVATE_CHAT_FOR_FILE_TEXT =
  'I could not open a private chat with you to send the file. Open a chat with me (Scrutiny) and ask there.';
export const FILE_GONE_TEXT =
  'That file is no longer waiting for you (offers last a day). Ask for it again.';
export const FILE_NOT_YOURS_TEXT = 'That file was offered to someone else, so I have not sent it.';
export const FILE_NOT_TAKEN_TEXT = 'OneDrive did not take the file. Ask for it again in a moment.';
/**
 * A picture pasted into the message (not attached) is served by the Bot Framework only with
 * the bot's own token, which this bot does not fetch files with; attached files come from
 * OneDrive and need none.
 */
export const PASTED_PICTURE_TEXT =
  'I cannot keep pictures pasted into the message; attach the photo as a file instead (the paperclip).';

/** Files are read after the turn, a few at a time, so a slow download holds no turn slot. */
const IMPORTS_AT_ONCE = 4;

/**
 * Translates Teams activities into the channel-neutral commands and card actions and renders
 * what comes back. Nothing here decides anything about scrutiny.
 */
export class ScrutinyTeamsBot extends TeamsActivityHandler {
  private readonly ledger: InboundLedger;
  private readonly imports = pLimit(IMPORTS_AT_ONCE);
  /** Imports still running after their turn; stop() waits for them. */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.ledger = new InboundLedger(deps.ctx.db);
    this.onMessage(async (context, next) => {
      const speaker = await speakerOf(deps.ctx, teamsSpeakerOf(context.activity), deps.settings);
      const { text, mentioned } = await commandTextOf(context);
      const sent =
        isPersonal(context.activity) && !commandTakesFile(text)
          ? sentFilesOf(context.activity.attachments ?? [])
          : undefined;
      if (sent && sent.downloads.length + sent.inline > 0) {
        // Files sent in someone's own chat with the bot are for their open findings.
        await this.takeFindingFiles(context, speaker, text, sent);
        await next();
        return;
      }
      const files = tableFilesOf(context.activity.attachments ?? []);
      const request = { speaker, text, mentioned, attachments: [] };
      // A report can take a few seconds: Teams shows nothing meanwhile unless the bot says so.
      const reply = await sayWorkingIfSlow(text, runCommand(deps.ctx, request), () =>
        context.sendActivity(WORKING_TEXT),
      );
      if (files.length > 0 && commandTakesFile(text) && reply.kind === 'form') {
        // The command allowed it (an officer asked): the file is read after this turn.
        await context.sendActivity(`Reading ${files.map((f) => f.name).join(', ')}…`);
        this.importLater(context, speaker, text, files);
      } else {
        await this.answer(context, reply);
        await this.deliver(context, reply, speaker);
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await speakerOf(deps.ctx, teamsSpeakerOf(context.activity), deps.settings);
      await context.sendActivity(activityOf(WELCOME));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await new ConversationBook(deps.ctx.db).retire(
        'teams',
        teamsSpeakerOf(context.activity).conversation.id,
        deps.ctx.now(),
      );
      await next();
    });
  }

  /**
   * Every message and card action takes effect once: the Bot Connector redelivers an activity
   * with the same id when it did not hear back in time, so the id is claimed first (a unique
   * key) and a repeat gets the first answer, or nothing where the first answer is already in
   * the chat. A turn that fails leaves its claim for the redelivery to take over at once.
   *
   * A repeat that arrives while the first is still being handled, here or on another instance,
   * waits a little for its answer, then is turned away ('in-hand-elsewhere', a 503) so the
   * platform sends it again later. Once the
   * first has stayed unfinished past TAKE_OVER_AFTER_MS its process is taken to have died, and
   * the repeat handles it again: inside the delivery's scope every record gets the id the first
   * run gave it, so what the first run wrote is found rather than written twice.
   */
  runOnce(context: TurnContext): Promise<'done' | 'in-hand-elsewhere'> {
    // Turns queue behind a limit, and a queued one starts in the async context of the turn that
    // finished before it: it leaves that turn's delivery scope before anything else.
    return outsideDeliveryScope(() => this.runOnceInOwnScope(context));
  }

  private async runOnceInOwnScope(context: TurnContext): Promise<'done' | 'in-hand-elsewhere'> {
    const key = deliveryKeyOf(context.activity);
    try {
      if (!key) {
        await super.run(context);
        return 'done';
      }
      const now = this.deps.ctx.now();
      let claim = await this.ledger.claimOrRecall(key, now);
      let replay = false;
      if (!claim.first && !claim.finished && !this.ledger.mayTakeOver(claim, now))
        claim = await this.ledger.awaitFinished(key, claim, REPEAT_WAITS_MS);
      if (!claim.first) {
        if (claim.finished) {
          await this.answerRepeat(context, claim.answer);
          return 'done';
        }
        if (!claim.seed || !(await this.ledger.takeOver(claim, key, now)))
          return 'in-hand-elsewhere';
        replay = true;
        this.deps.log.warn(
          { activityType: context.activity.type },
          'teams activity left unfinished by its first run; handling it again',
        );
      }
      try {
        // A claim from before seeds existed cannot be replayed with the same ids; none is taken.
        const seed = claim.seed ?? '';
        await inDeliveryScope({ id: key, seed, replay }, () => super.run(context));
      } catch (error) {
        if (error instanceof FirstRunWroteError) {
          await this.ledger.finish(key, this.deps.ctx.now());
          await this.answerRepeat(context, undefined, true);
          return 'done';
        }
        await this.ledger.abandon(key, this.deps.ctx.now()).catch(() => undefined);
        throw error;
      }
      if (!context.turnState.get(ANSWER_KEPT)) await this.ledger.finish(key, this.deps.ctx.now());
    } catch (error) {
      await this.fail(context, error);
    }
    return 'done';
  }

  override async run(context: TurnContext): Promise<void> {
    await this.runOnce(context);
  }

  /** Action.Execute from any card: the card is replaced by what the action returns. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const speaker = await speakerOf(
      this.deps.ctx,
      teamsSpeakerOf(context.activity),
      this.deps.settings,
    );
    const data = invokeValue.action.data ?? {};
    const reply = await runCardAction(this.deps.ctx, speaker, {
      ...data,
      verb: invokeValue.action.verb,
    });
    await this.deliver(context, reply, speaker);
    const response = invokeResponseOf(reply);
    const key = deliveryKeyOf(context.activity);
    if (key) {
      await this.ledger.remember(key, response, this.deps.ctx.now());
      context.turnState.set(ANSWER_KEPT, true);
    }
    return response;
  }

  /** Waits for imports still reading their files (at shutdown, and in tests). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * An answer in the conversation it was asked in, unless it is for the asker alone and that
   * conversation is shared: then it goes to their personal chat, with a pointer here.
   */
  private answer(context: TurnContext, reply: Reply): Promise<void> {
    return this.answerIn(placeOf(context), (activity) => context.sendActivity(activity), reply);
  }

  /** The same, posting with `post`: in the turn, or later into the turn's conversation. */
  private async answerIn(
    place: AnswerPlace,
    post: (activity: Partial<Activity> | string) => Promise<unknown>,
    reply: Reply,
  ): Promise<void> {
    const activity = activityOf(reply);
    if (!forSenderAlone(reply) || place.personal) {
      await post(activity);
      await this.offerFiles(place, post, reply.files, !place.personal);
      return;
    }
    const sent = await sendPrivately(place.adapter, this.deps.botAppId, place.asker, activity);
    await post(sent ? SENT_PRIVATELY_TEXT : NO_PRIVATE_CHAT_TEXT);
    if (sent) await this.offerFiles(place, post, reply.files, false);
  }

  /**
   * A reply's files, each as a file consent card in the asker's personal chat: Teams lets a bot
   * upload only what the person accepted, and only there. The bytes wait in the database for
   * the click (handleTeamsFileConsent), bound to this person by their Teams id.
   */
  private async offerFiles(
    place: AnswerPlace,
    post: (activity: Partial<Activity> | string) => Promise<unknown>,
    files: readonly OutgoingFile[] | undefined,
    pointHere: boolean,
  ): Promise<void> {
    if (!files || files.length === 0) return;
    const store = new OutgoingFileStore(this.deps.ctx.db);
    let offered = 0;
    for (const file of files) {
      const offer = await store.offer(
        file,
        { recipientChatId: place.asker.userChatId },
        this.deps.ctx.now(),
      );
      const card: Partial<Activity> = { type: 'message', attachments: [fileConsentCard(offer)] };
      const sent = place.personal
        ? await post(card).then(() => true)
        : await sendPrivately(place.adapter, this.deps.botAppId, place.asker, card);
      if (sent) offered += 1;
      else await store.remove(offer);
    }
    if (offered < files.length) await post(NO_PRIVATE_CHAT_FOR_FILE_TEXT);
    else if (pointHere) await post(FILE_IN_PRIVATE_CHAT_TEXT);
  }

  protected override async handleTeamsFileConsentAccept(
    context: TurnContext,
    answer: FileConsentCardResponse,
  ): Promise<void> {
    await this.answerFileConsent(context, answer);
  }

  protected override async handleTeamsFileConsentDecline(
    context: TurnContext,
    answer: FileConsentCardResponse,
  ): Promise<void> {
    await this.answerFileConsent(context, answer);
  }

  /**
   * The person's click on a file consent card. Only the person it was offered to may take the
   * file; on accept its bytes go to the upload session Teams made in their OneDrive (Microsoft's
   * hosts only), then the file is shown in the chat. Teams is answered 200 by the SDK either way.
   */
  private async answerFileConsent(context: TurnContext, raw: unknown): Promise<void> {
    const say = (text: string) =>
      context.sendActivity({ type: 'message', text, textFormat: 'plain' });
    const parsed = fileConsentAnswer.safeParse(raw);
    if (!parsed.success) {
      await say(FILE_GONE_TEXT);
      return;
    }
    const answer = parsed.data;
    const store = new OutgoingFileStore(this.deps.ctx.db);
    const offer = await store.live(answer.context.offerId, this.deps.ctx.now());
    if (!offer) {
      await say(FILE_GONE_TEXT);
      return;
    }
    if (offer.recipientChatId !== context.activity.from.id) {
      this.deps.log.warn({ offer: offer._id }, 'a file offer was answered by someone else');
      await say(FILE_NOT_YOURS_TEXT);
      return;
    }
    if (answer.action === 'decline') {
      await store.remove(offer);
      await say(`I have not sent ${offer.name}.`);
      return;
    }
    const bytes = await store.bytesOf(offer);
    const uploaded = answer.uploadInfo
      ? await uploadToSession(answer.uploadInfo.uploadUrl, bytes)
      : false;
    await store.remove(offer);
    if (!uploaded || !answer.uploadInfo) {
      await say(FILE_NOT_TAKEN_TEXT);
      return;
    }
    await context.sendActivity({
      type: 'message',
      attachments: [fileInfoCard(answer.uploadInfo, offer.name)],
    });
  }

  /**
   * `unanswered`: the first run died before its answer went out, so a message's sender is told
   * privately that it was acted on, rather than nothing.
   */
  private async answerRepeat(
    context: TurnContext,
    answer: unknown,
    unanswered = false,
  ): Promise<void> {
    this.deps.log.info(
      { activityType: context.activity.type },
      'teams activity delivered again; answered once',
    );
    if (context.activity.type === ActivityTypes.Message && unanswered) {
      await this.answer(context, forSenderOnly(noticeReply(ALREADY_IN_HAND_TEXT, 'info')));
      return;
    }
    if (context.activity.type !== ActivityTypes.Invoke) return;
    const response =
      (answer as AdaptiveCardInvokeResponse | undefined) ??
      invokeResponseOf(noticeReply(ALREADY_IN_HAND_TEXT, 'info'));
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: response },
    });
  }

  /**
   * A turn that failed. A card action is answered with an error status (the card shows Teams'
   * own "something went wrong" to the clicker); a message gets an apology for the person who
   * wrote it alone, never in the group's channel.
   */
  private async fail(context: TurnContext, error: unknown): Promise<void> {
    const unavailable = isDatabaseUnavailable(error);
    if (!unavailable)
      this.deps.log.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
    const text = unavailable ? TRY_AGAIN_TEXT : SORRY_TEXT;
    if (context.activity.type === ActivityTypes.Invoke) {
      // Unavailable: the card says so and stays usable. Otherwise an error status.
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: unavailable
          ? { status: 200, body: invokeResponseOf(noticeReply(text, 'info')) }
          : { status: 500, body: { error: 'the action failed' } },
      });
      return;
    }
    if (context.activity.type !== ActivityTypes.Message) return;
    await this.answer(context, forSenderOnly(noticeReply(text, 'info'))).catch(() => undefined);
  }

  /** Reads the files and runs the import outside any turn, then answers in the same thread. */
  private importLater(
    context: TurnContext,
    speaker: Speaker,
    text: string,
    files: Array<{ name: string; url: string }>,
  ): void {
    const place = placeOf(context);
    const reference = TurnContext.getConversationReference(context.activity);
    // After the turn, answers go into the turn's conversation (the same thread in a channel).
    const post = (activity: Partial<Activity> | string) =>
      place.adapter.continueConversationAsync(this.deps.botAppId, reference, async (turn) => {
        await turn.sendActivity(activity);
      });
    const job = this.imports(async () => {
      let reply: Reply;
      try {
        const attachments = await Promise.all(files.map(downloadTable));
        reply = await runCommand(this.deps.ctx, { speaker, text, mentioned: [], attachments });
      } catch (error) {
        if (error instanceof AttachmentRefused)
          reply = refusalReply([{ code: 'attachment-refused', message: error.message }]);
        else if (isDatabaseUnavailable(error))
          reply = refusalReply([{ code: 'unavailable', message: TRY_AGAIN_TEXT }]);
        else {
          this.deps.log.error({ err: error }, 'standards import from Teams failed');
          reply = refusalReply([{ code: 'failed', message: SORRY_TEXT }]);
        }
      }
      await this.answerIn(place, post, reply).catch((error: unknown) =>
        this.deps.log.warn({ err: error }, 'could not post the result of a standards import'),
      );
    });
    this.pending.add(job);
    void job.finally(() => this.pending.delete(job));
  }

  /**
   * Files for the sender's open findings: which findings and where the files are is settled in
   * the turn (a refusal comes at once); the files are read after it, like an import's, and the
   * outcome follows in the same chat.
   */
  private async takeFindingFiles(
    context: TurnContext,
    speaker: Speaker,
    text: string,
    sent: ReturnType<typeof sentFilesOf>,
  ): Promise<void> {
    const refuse = (message: string) =>
      this.answer(
        context,
        refusalReply([{ code: 'findings.files', message }], 'No files were kept'),
      );
    if (sent.downloads.length === 0) return refuse(PASTED_PICTURE_TEXT);
    const checkRef = /\bC-?\d+\b/i.exec(text)?.[0];
    const open = await openFindingsOf(this.deps.ctx, speaker.actor, checkRef);
    if (!open.ok) return this.answer(context, refusalReply(open.refusals, 'No files were kept'));
    const elsewhere = sent.downloads.find((file) => !isAllowedFileHost(file.url));
    if (elsewhere)
      return refuse(
        `I only take files shared in Teams (OneDrive or SharePoint); ${elsewhere.name} came from elsewhere.`,
      );
    const reference = open.value.check.reference;
    await context.sendActivity(
      `Reading ${sent.downloads.map((f) => f.name).join(', ')} for ${reference}…`,
    );
    const { ctx } = this.deps;
    this.later(context, 'findings files from Teams', async () => {
      const files = await Promise.all(
        sent.downloads.map(async (file) => ({
          name: file.name,
          bytes: await downloadFile(file, MAX_FINDING_FILE_BYTES),
        })),
      );
      const attached = await attachFindingFiles(ctx, speaker.actor, { checkRef: reference, files });
      if (!attached.ok) return refusalReply(attached.refusals, 'No files were kept');
      const { check, assignment, added, alreadyThere } = attached.value;
      const said = [
        added.length > 0 &&
          `Added ${added.map((f) => f.name).join(', ')} to your findings for ${check.reference}.`,
        alreadyThere.length > 0 &&
          `${alreadyThere.map((f) => f.name).join(', ')} ${alreadyThere.length === 1 ? 'was' : 'were'} there already.`,
        sent.inline > 0 && PASTED_PICTURE_TEXT,
      ].filter(Boolean);
      return {
        kind: 'message',
        text: said.join(' '),
        card: checkStatusCard(
          check,
          assignment,
          speaker.person.displayName,
          await findingFileLinks(ctx, speaker.actor, assignment._id),
        ),
      };
    });
  }

  /** Runs `work` after the turn, a few at a time, and posts its reply into the turn's chat. */
  private later(context: TurnContext, what: string, work: () => Promise<Reply>): void {
    const place = placeOf(context);
    const reference = TurnContext.getConversationReference(context.activity);
    const post = (activity: Partial<Activity> | string) =>
      place.adapter.continueConversationAsync(this.deps.botAppId, reference, async (turn) => {
        await turn.sendActivity(activity);
      });
    const job = this.imports(async () => {
      let reply: Reply;
      try {
        reply = await work();
      } catch (error) {
        if (error instanceof AttachmentRefused)
          reply = refusalReply([{ code: 'attachment-refused', message: error.message }]);
        else if (isDatabaseUnavailable(error))
          reply = refusalReply([{ code: 'unavailable', message: TRY_AGAIN_TEXT }]);
        else {
          this.deps.log.error({ err: error }, `${what} failed`);
          reply = refusalReply([{ code: 'failed', message: SORRY_TEXT }]);
        }
      }
      await this.answerIn(place, post, reply).catch((error: unknown) =>
        this.deps.log.warn({ err: error }, `could not post the result of ${what}`),
      );
    });
    this.pending.add(job);
    void job.finally(() => this.pending.delete(job));
  }

  /**
   * The reply's messages for other people, through the outbox (keyed by this activity, so a
   * redelivery queues nothing twice); the sender alone hears of any not taken at once.
   */
  private async deliver(context: TurnContext, reply: Reply, speaker: Speaker): Promise<void> {
    if (!reply.deliveries?.length) return;
    const inboundKey = deliveryKeyOf(context.activity);
    const note = await postDeliveries(this.deps.ctx, this.deps.messenger() ?? NOT_YET, reply, {
      ...(inboundKey ? { inboundKey } : {}),
      organisationId: speaker.actor.organisationId,
      causedBy: speaker.actor.personId,
    });
    if (note) await this.answer(context, forSenderOnly(noticeReply(note, 'info')));
  }
}

/** Before the adapter exists: deliveries wait in the outbox for the sweep. */
const NOT_YET: Messenger = {
  send: () =>
    Promise.resolve({ sent: false, retryable: true, reason: 'Teams is not connected yet' }),
};

/**
 * The Bot Connector's id for an activity, unique within its conversation and the same on every
 * redelivery. Only messages and invokes change anything; other activities are not claimed.
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 */
function deliveryKeyOf(activity: Activity): string | undefined {
  if (!activity.id) return undefined;
  if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke)
    return undefined;
  return `teams:${activity.conversation.id}:${activity.id}`;
}

function forSenderAlone(reply: Reply): boolean {
  return reply.kind === 'message' && reply.onlyToSender === true;
}

function forSenderOnly(reply: Reply): Reply {
  return reply.kind === 'message' ? { ...reply, onlyToSender: true } : reply;
}

/** Where a turn's answers go: whether its conversation is the asker's own, and how to reach them. */
interface AnswerPlace {
  personal: boolean;
  asker: PrivateAddress;
  adapter: CloudAdapter;
}

function placeOf(context: TurnContext): AnswerPlace {
  return {
    personal: isPersonal(context.activity),
    asker: privateAddressOf(context.activity),
    adapter: context.adapter as CloudAdapter,
  };
}

function isPersonal(activity: Activity): boolean {
  const type = activity.conversation.conversationType;
  return type !== 'channel' && type !== 'groupChat';
}

function invokeResponseOf(reply: Reply): AdaptiveCardInvokeResponse {
  const card = reply.kind === 'form' ? reply.form : reply.card;
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: renderTeamsCard(
      card?.name ?? 'notice',
      card?.viewModel ?? { title: reply.text, tone: 'info', reasons: [] },
    ).content,
  };
}

export function activityOf(reply: Reply): {
  type: 'message';
  text?: string;
  textFormat?: 'plain';
  attachments?: Attachment[];
} {
  const card = reply.kind === 'form' ? reply.form : reply.card;
  // Plain, so text people typed (a `[label](url)`) is shown as typed, never as a link.
  if (!card) return { type: 'message', text: reply.text, textFormat: 'plain' };
  return { type: 'message', attachments: [renderTeamsCard(card.name, card.viewModel)] };
}
