import { Inject, Injectable } from '@nestjs/common';
import { TwilioApiError } from '../common/twilio-api.error';
import { API_VERSION, type FormFields, formValue, newSid } from '../common/twilio-format';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';
import { FaultInjector } from '../faults/fault-injector.service';
import { OutcomeOverrides } from '../faults/outcome-overrides.service';
import { DeliveryLifecycle } from '../status-callbacks/delivery-lifecycle.service';
import { WhatsAppRules } from '../whatsapp/whatsapp-rules.service';
import { contentBody, type EmulatedContent, isSessionOnly } from '../content/content.model';
import { ContentStore } from '../content/content-store.service';
import { listMessagePage, type MessagePage } from './message-list';
import { mediaOutcome } from './media-outcome';
import { MessageStore } from './message-store.service';
import type { CreateMessageInput } from './message-validation';
import { validateCreateMessage } from './message-validation';
import type { EmulatedMessage, MessageOutcome } from './message.model';
import { countSmsSegments } from './segments';

/** The Messages resource: create (with faults, validation and WhatsApp rules), fetch, list. */
@Injectable()
export class MessagesService {
  constructor(
    @Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig,
    private readonly store: MessageStore,
    private readonly faults: FaultInjector,
    private readonly outcomes: OutcomeOverrides,
    private readonly whatsapp: WhatsAppRules,
    private readonly lifecycle: DeliveryLifecycle,
    private readonly contents: ContentStore,
  ) {}

  create(form: FormFields): EmulatedMessage {
    const fault = this.faults.take(formValue(form, 'To'));
    if (fault) throw new TwilioApiError(fault.status, fault.code, fault.message);
    const result = validateCreateMessage(form);
    if (!result.ok) throw new TwilioApiError(result.error.status, result.error.code, result.error.message);

    const input = result.value;
    const now = Date.now();
    // Content made through the Content API shows its body; other SIDs stand for approved templates.
    const content = input.contentSid ? (this.contents.get(input.contentSid) ?? null) : null;
    const message: EmulatedMessage = {
      sid: newSid(input.mediaUrls.length > 0 ? 'MM' : 'SM'),
      accountSid: this.config.accountSid,
      channel: input.channel,
      to: input.to,
      from: input.from,
      toPhone: input.toPhone,
      fromPhone: input.fromPhone,
      body: content ? contentBody(content, input.contentVariables) : input.body,
      contentSid: input.contentSid,
      content,
      contentVariables: input.contentVariables,
      mediaUrls: input.mediaUrls,
      statusCallback: input.statusCallback,
      messagingServiceSid: input.messagingServiceSid,
      numSegments: input.channel === 'sms' && input.mediaUrls.length === 0 ? countSmsSegments(input.body) : 1,
      status: 'queued',
      errorCode: null,
      errorMessage: null,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
      history: [{ status: 'queued', at: now }],
      callbacks: [],
      outcome: this.decideOutcome(input, now, content),
    };
    this.store.add(message);
    this.lifecycle.start(message);
    return message;
  }

  fetch(sid: string, path: string): EmulatedMessage {
    const message = this.store.get(sid);
    if (!message) throw new TwilioApiError(404, 20404, `The requested resource ${path} was not found`);
    return message;
  }

  list(query: FormFields): MessagePage {
    return listMessagePage(
      this.store.newestFirst(),
      query,
      `/${API_VERSION}/Accounts/${this.config.accountSid}/Messages.json`,
    );
  }

  /** A forced outcome wins; then media the URL says fails; then WhatsApp's rules; otherwise delivered. */
  private decideOutcome(
    input: CreateMessageInput,
    now: number,
    content: EmulatedContent | null,
  ): MessageOutcome {
    const forced = this.outcomes.take(input.toPhone);
    if (forced) return forced;
    // WhatsApp takes at most 1024 characters above buttons or a list, variables filled in.
    if (content && isSessionOnly(content) && contentBody(content, input.contentVariables).length > 1024)
      return { status: 'failed', errorCode: 63021, errorMessage: 'Channel invalid content error' };
    const sessionOnly = content !== null && isSessionOnly(content);
    const media = mediaOutcome(input.mediaUrls);
    if (media) return media;
    if (input.channel === 'whatsapp') {
      const decision = this.whatsapp.decide({
        fromPhone: input.fromPhone,
        toPhone: input.toPhone,
        // Quick replies and list pickers are not approved templates: they need the 24-hour window.
        isTemplate: input.contentSid !== null && !sessionOnly,
        now,
      });
      if (!decision.deliver)
        return { status: 'failed', errorCode: decision.errorCode, errorMessage: decision.errorMessage };
    }
    return { status: 'delivered' };
  }
}
