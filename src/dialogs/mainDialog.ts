import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState } from 'botbuilder-dialogs';
// By deep path, as in flowDialog.ts: the index loads prompts and recognizers we do not use.
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import { parseCardAction, type CardAction } from '../cards/actions';
import type { Reply } from '../cards/reply';
import { contactsReply, urgentReply } from '../contacts/block';
import { answer, answerTopic, helpReply, notFoundReply, type AnswerContext } from '../knowledge/answer';
import { privateChatReply } from '../knowledge/welcome';
import { isUrgent } from '../rules/urgency';
import { takesFreeText, type InfoState } from '../infoSharing/flow';
import { noteTurn } from '../state/turnMeta';
import { CSERQ4_DIALOG, Cserq4Dialog } from './cserq4Dialog';
import { FlowDialog } from './flowDialog';
import { INFO_SHARING_DIALOG, InfoSharingDialog } from './infoSharingDialog';
import type { BotDeps } from './deps';
import { isPrivateScope, personalChatLink } from './scope';
import { sendReplies } from './send';

/** The dialogs that collect details about a child, and so run only in a private chat. */
type PrivateDialog = typeof CSERQ4_DIALOG | typeof INFO_SHARING_DIALOG;

const BUSY = 'Please finish or cancel what you are doing first (type cancel). Here is the current question:';

const STALE_BUTTON =
  'That button is from an earlier conversation, so I did not use it. Type "screen" to start a new screening, or "help".';

const STALE_TOPIC = 'That topic is no longer in the knowledge base. Type your question, or "help".';

/**
 * Routes each message: card commands, then a running screening, then free
 * text through the core's answer(). Interruptions that must reach every
 * state (999, contacts) are checked here, before any dialog sees the turn.
 */
export class MainDialog {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly deps: BotDeps,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(new Cserq4Dialog(deps));
    this.dialogs.add(new InfoSharingDialog(deps));
  }

  static create(deps: BotDeps, conversationState: ConversationState): MainDialog {
    return new MainDialog(deps, conversationState.createProperty<DialogState>('dialogState'));
  }

  async run(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const text = context.activity.text ?? '';
    const value: unknown = context.activity.value;
    const hasValue = value !== undefined && value !== null;
    const action = hasValue ? parseCardAction(value) : null;

    // The 999 safety net sees every message first, in every state; a running dialog resumes where it was.
    if (text.trim() !== '' && isUrgent(text)) {
      noteTurn(context, { route: 'urgent' });
      await this.say(dc, [urgentReply(this.deps.contacts, this.deps.now())]);
      // Information for the police often describes danger seen earlier: keep what was typed as the answer.
      if (this.isWaitingForFreeText(dc)) await dc.continueDialog();
      else if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    if (action?.kind === 'command') return this.command(dc, action);
    if (action?.kind === 'topic') return this.topic(dc, action.id);
    if (dc.activeDialog) {
      await dc.continueDialog();
      return;
    }
    if (action?.kind === 'answer' || action?.kind === 'form' || (hasValue && !text.trim())) {
      await this.say(dc, [{ text: STALE_BUTTON }]);
      return;
    }
    const result = answer(text, this.answerContext());
    noteTurn(context, { route: result.route, topic: result.topic });
    // In a channel or group chat, even the offer of a screening is answered with the way to a private chat.
    const privateDialog =
      result.startScreening || result.route === 'screening-offer'
        ? CSERQ4_DIALOG
        : result.startInfoSharing
          ? INFO_SHARING_DIALOG
          : null;
    if (privateDialog && !isPrivateScope(context.activity))
      return this.redirectToPrivateChat(dc, privateDialog);
    await this.say(dc, result.replies);
    if (result.startScreening) await this.beginPrivately(dc, CSERQ4_DIALOG);
    if (result.startInfoSharing) await this.beginPrivately(dc, INFO_SHARING_DIALOG);
  }

  private isWaitingForFreeText(dc: DialogContext): boolean {
    if (dc.activeDialog?.id !== INFO_SHARING_DIALOG) return false;
    const state = FlowDialog.stateOf<InfoState>(dc);
    return state !== undefined && takesFreeText(state);
  }

  /**
   * Starts a dialog that asks about a child, but only in a one-to-one chat:
   * in a channel or group chat everyone would read the answers. Every dialog
   * that collects anything about a child is started through here.
   */
  private async beginPrivately(dc: DialogContext, dialogId: PrivateDialog): Promise<void> {
    if (!isPrivateScope(dc.context.activity)) return this.redirectToPrivateChat(dc, dialogId);
    await dc.beginDialog(dialogId);
  }

  private async redirectToPrivateChat(dc: DialogContext, dialogId: PrivateDialog): Promise<void> {
    const task = dialogId === CSERQ4_DIALOG ? 'screening' : 'info-sharing';
    await this.say(dc, [privateChatReply(personalChatLink(dc.context.activity), task)]);
  }

  private async command(dc: DialogContext, action: Extract<CardAction, { kind: 'command' }>): Promise<void> {
    noteTurn(dc.context, { route: `command:${action.command}` });
    switch (action.command) {
      case 'start-screening':
      case 'start-info-sharing':
        if (dc.activeDialog) {
          await this.say(dc, [{ text: BUSY }]);
          await dc.repromptDialog();
          return;
        }
        await this.beginPrivately(
          dc,
          action.command === 'start-screening' ? CSERQ4_DIALOG : INFO_SHARING_DIALOG,
        );
        return;
      case 'contacts':
        await this.say(dc, [contactsReply(this.deps.contacts, this.deps.now())]);
        break;
      case 'help':
        await this.say(dc, [helpReply()]);
        break;
      case 'none-of-these':
        await this.say(dc, [notFoundReply(this.answerContext(), 'Sorry I could not find it.')]);
        break;
    }
    if (dc.activeDialog) await dc.repromptDialog();
  }

  /** A follow-up button: answer the topic, then put a running screening's question back on screen. */
  private async topic(dc: DialogContext, id: string): Promise<void> {
    const result = answerTopic(id, this.answerContext());
    await this.say(dc, result ? result.replies : [{ text: STALE_TOPIC }]);
    if (dc.activeDialog) await dc.repromptDialog();
  }

  private answerContext(): AnswerContext {
    return { contacts: this.deps.contacts, knowledge: this.deps.knowledge, now: this.deps.now() };
  }

  private async say(dc: DialogContext, replies: Reply[]): Promise<void> {
    await sendReplies(dc.context, replies);
  }
}
