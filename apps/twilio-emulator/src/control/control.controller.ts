import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { stripChannelPrefix } from '@app/twilio';
import { parseJsonBody } from '../common/parse-json-body';
import { TypingIndicators } from '../content/typing-indicators.service';
import { FaultInjector } from '../faults/fault-injector.service';
import { OutcomeOverrides } from '../faults/outcome-overrides.service';
import { MessageStore } from '../messages/message-store.service';
import { IncomingNumbers } from '../numbers/incoming-numbers.service';
import { type EmulatedMessage, toControlView } from '../messages/message.model';
import { DeliveryLifecycle } from '../status-callbacks/delivery-lifecycle.service';
import { ConversationWindows } from '../whatsapp/conversation-windows.service';
import { SandboxRegistry } from '../whatsapp/sandbox-registry.service';
import {
  faultSchema,
  messagesQuerySchema,
  numberSchema,
  outcomeSchema,
  rateQuerySchema,
  sandboxSchema,
  windowSchema,
} from './control.schemas';

/** Test control and inspection, in JSON. Not part of Twilio's API. */
@Controller('emulator')
export class ControlController {
  constructor(
    private readonly store: MessageStore,
    private readonly windows: ConversationWindows,
    private readonly sandboxes: SandboxRegistry,
    private readonly faults: FaultInjector,
    private readonly outcomes: OutcomeOverrides,
    private readonly lifecycle: DeliveryLifecycle,
    private readonly numbers: IncomingNumbers,
    private readonly typing: TypingIndicators,
  ) {}

  /** Adds a number to the account's IncomingPhoneNumbers (again: unchanged). */
  @Post('numbers')
  @HttpCode(200)
  addNumber(@Body() body: unknown) {
    const input = parseJsonBody(numberSchema, body);
    const number = this.numbers.add(input.number, input.friendlyName);
    return { sid: number.sid, number: number.phoneNumber, friendlyName: number.friendlyName };
  }

  /** The account's numbers, oldest first. */
  @Get('numbers')
  listNumbers() {
    return {
      numbers: this.numbers
        .list()
        .map((n) => ({ sid: n.sid, number: n.phoneNumber, friendlyName: n.friendlyName })),
    };
  }

  /** Releases a number from the account. */
  @Delete('numbers/:number')
  removeNumber(@Param('number') number: string) {
    const { number: bare } = parseJsonBody(numberSchema, { number });
    if (!this.numbers.remove(bare)) throw new NotFoundException(`No number ${bare}`);
    return { removed: bare };
  }

  /** Every recorded outbound message, oldest first, optionally filtered. */
  @Get('messages')
  messages(@Query() query: unknown) {
    const filter = parseJsonBody(messagesQuerySchema, query);
    const matches = (address: string | null, wanted: string | undefined) =>
      wanted === undefined ||
      (address !== null &&
        (address === wanted || stripChannelPrefix(address) === stripChannelPrefix(wanted)));
    const messages = this.store
      .all()
      .filter(
        (message: EmulatedMessage) =>
          matches(message.to, filter.to) &&
          matches(message.from, filter.from) &&
          (filter.channel === undefined || message.channel === filter.channel) &&
          (filter.status === undefined || message.status === filter.status),
      )
      .map(toControlView);
    return { count: messages.length, messages };
  }

  @Get('messages/:sid')
  message(@Param('sid') sid: string) {
    const message = this.store.get(sid);
    if (!message) throw new NotFoundException(`No message ${sid}`);
    return toControlView(message);
  }

  /** Sets when a phone last wrote to a number on WhatsApp (opens or closes the 24-hour window). */
  @Post('window')
  @HttpCode(200)
  window(@Body() body: unknown) {
    const input = parseJsonBody(windowSchema, body);
    this.windows.record(input.number, input.phone, input.lastInboundAt);
    return input;
  }

  /** Makes a number a WhatsApp sandbox with a join code. */
  @Post('sandbox')
  @HttpCode(200)
  sandbox(@Body() body: unknown) {
    const input = parseJsonBody(sandboxSchema, body);
    return this.sandboxes.register(input.number, input.joinCode);
  }

  /** The next `times` message creations (to `to` only, if given) answer this HTTP error. */
  @Post('faults')
  @HttpCode(200)
  fault(@Body() body: unknown) {
    const fault = this.faults.add(parseJsonBody(faultSchema, body));
    return {
      status: fault.status,
      code: fault.code,
      message: fault.message,
      times: fault.remaining,
      to: fault.toPhone,
    };
  }

  /** The next message to `to` ends failed or undelivered with this error code. */
  @Post('outcomes')
  @HttpCode(200)
  outcome(@Body() body: unknown) {
    const input = parseJsonBody(outcomeSchema, body);
    return { to: input.to, ...this.outcomes.add(input) };
  }

  /** How many messages were accepted from a sender, and the most in any sliding second. */
  @Get('rate')
  rate(@Query() query: unknown) {
    return this.store.rate(parseJsonBody(rateQuerySchema, query).from);
  }

  /** Forgets messages, windows, sandboxes, faults, forced outcomes and typing indicators (not the account's numbers); stops pending callbacks. */
  @Post('reset')
  @HttpCode(200)
  reset() {
    this.lifecycle.reset();
    this.store.reset();
    this.windows.reset();
    this.sandboxes.reset();
    this.faults.reset();
    this.outcomes.reset();
    this.typing.reset();
    return { reset: true };
  }
}
