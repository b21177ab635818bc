import type { Channel, Choice, Member, PhoneNumber, WorkspaceSummary } from '@app/contracts';

/**
 * What templates and CEL conditions see. Every field is a string (empty when unknown), so
 * `{{member.first_name}}` renders as nothing and `member.first_name == ""` works in CEL.
 * Member-written text lives here only as data.
 */
export interface WorkflowContext {
  member: {
    first_name: string;
    last_name: string;
    phone: string;
    email: string;
    /** The workspace's data about the member, as stored (`member.attributes.appointment_at`). */
    attributes: Record<string, unknown>;
  };
  chat: { channel: Channel; id: string };
  /**
   * What the member wrote; when the message was a press of a quick-reply button or a list item,
   * its id (`button_payload` / `list_id`, as Twilio's ButtonPayload / ListId) and the title shown.
   */
  message: { body: string; button_payload: string; button_text: string; list_id: string; list_title: string };
  workspace: { name: string };
  brand: { name: string };
}

export interface ContextSource {
  workspace: Pick<WorkspaceSummary, 'name'>;
  phoneNumber: Pick<PhoneNumber, 'brandName'>;
  member: Pick<Member, 'firstName' | 'lastName' | 'phone' | 'email'> & Partial<Pick<Member, 'attributes'>>;
  channel: Channel;
  chatId: string | null;
  /** The text the workflow answers (several messages joined by new lines), '' when none. */
  body: string;
  /** The button or list item the newest message pressed, if it was a press. */
  choice?: Choice;
}

/** The one place the workflow context is built; rules and routines reuse it. */
export function buildWorkflowContext(source: ContextSource): WorkflowContext {
  return {
    member: {
      first_name: source.member.firstName ?? '',
      last_name: source.member.lastName ?? '',
      phone: source.member.phone ?? '',
      email: source.member.email ?? '',
      attributes: source.member.attributes ?? {},
    },
    chat: { channel: source.channel, id: source.chatId ?? '' },
    message: {
      body: source.body,
      button_payload: source.choice?.kind === 'button' ? source.choice.id : '',
      button_text: source.choice?.kind === 'button' ? source.choice.title : '',
      list_id: source.choice?.kind === 'list' ? source.choice.id : '',
      list_title: source.choice?.kind === 'list' ? source.choice.title : '',
    },
    workspace: { name: source.workspace.name },
    // The number's brand name, else the workspace's name: what the member knows the sender as.
    brand: { name: source.phoneNumber.brandName ?? source.workspace.name },
  };
}
