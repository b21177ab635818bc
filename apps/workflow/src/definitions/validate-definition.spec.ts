import { AppError } from '@app/contracts';
import { validateDefinition } from './validate-definition';

const problem = (input: unknown[] | string): string => {
  try {
    validateDefinition(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_input');
    return (error as AppError).message;
  }
  throw new Error('expected the definition to be refused');
};

describe('validateDefinition', () => {
  it('accepts reply, if and agent steps', () => {
    const steps = validateDefinition([
      { reply: 'Hi {{member.first_name}}' },
      {
        if: 'chat.channel == "whatsapp"',
        then: [{ reply: 'WA' }],
        else: [{ agent: { instructions: 'Help.', abilities: ['end_chat'] } }],
      },
    ]);
    expect(steps).toEqual([
      { reply: 'Hi {{member.first_name}}' },
      {
        if: 'chat.channel == "whatsapp"',
        then: [{ reply: 'WA' }],
        else: [{ agent: { instructions: 'Help.', abilities: ['end_chat'] } }],
      },
    ]);
  });

  it('reads the same steps from YAML', () => {
    const yaml = `
- reply: "Hello {{member.first_name}}"
- if: chat.channel == "sms"
  then:
    - reply: SMS
- agent:
    instructions: Be brief.
    abilities: [send_sms_message]
    model: small
`;
    expect(validateDefinition(yaml)).toEqual([
      { reply: 'Hello {{member.first_name}}' },
      { if: 'chat.channel == "sms"', then: [{ reply: 'SMS' }] },
      { agent: { instructions: 'Be brief.', abilities: ['send_sms_message'], model: 'small' } },
    ]);
    expect(validateDefinition('steps:\n  - reply: hi\n')).toEqual([{ reply: 'hi' }]);
  });

  it('points at a CEL syntax error', () => {
    expect(problem([{ reply: 'a' }, { if: 'chat.channel ==', then: [] }])).toBe(
      'definition is not valid: steps[1].if: CEL syntax error at column 16: Unexpected token: EOF',
    );
  });

  it('points at an unknown ability', () => {
    expect(
      problem([
        { if: 'true', then: [{ agent: { instructions: 'x', abilities: ['end_chat', 'send_fax'] } }] },
      ]),
    ).toBe(
      'definition is not valid: steps[0].then[0].agent.abilities[1]: unknown ability "send_fax" (known: send_whatsapp_message, send_sms_message, end_chat, handoff_to_human)',
    );
  });

  it("takes an agent step's history limits and points at bad ones", () => {
    expect(
      validateDefinition([{ agent: { instructions: 'x', history: { messages: 20, tokens: 4000 } } }]),
    ).toEqual([{ agent: { instructions: 'x', abilities: [], history: { messages: 20, tokens: 4000 } } }]);
    expect(problem([{ agent: { instructions: 'x', history: { messages: 0, turns: 3 } } }])).toBe(
      'definition is not valid: steps[0].agent.history.messages: must be a whole number from 1 to 500; steps[0].agent.history: unknown field "turns" (known: messages, tokens)',
    );
  });

  it('points at a step that is not one kind', () => {
    expect(problem([{ reply: 'a', agent: { instructions: 'x' } }])).toBe(
      'definition is not valid: steps[0]: a step needs exactly one of reply, if, agent (got reply, agent)',
    );
    expect(problem([{ say: 'a' }])).toBe(
      'definition is not valid: steps[0]: a step needs exactly one of reply, if, agent',
    );
    expect(problem([])).toBe('definition is not valid: steps: a workflow needs at least one step');
  });

  it('points at template errors and lists every problem', () => {
    const message = problem([
      { reply: 'Hi {{member.first_name' },
      { if: 'nope.x', then: [{ reply: '{{shout x}}' }] },
    ]);
    expect(message).toMatch(/^definition is not valid: steps\[0\]\.reply: template syntax error on line 1/);
    expect(message).toContain('steps[1].if: CEL error at column 1: Unknown variable: nope');
    expect(message).toContain(
      'steps[1].then[0].reply: template error at line 1, column 1: unknown helper "shout"',
    );
  });

  it('points at YAML syntax errors', () => {
    expect(problem('- reply: "unterminated\n- if: x')).toMatch(
      /^definition: YAML syntax error at line \d+, column \d+/,
    );
    expect(problem('reply: hi')).toBe(
      'definition: the YAML document must be a list of steps (or have a "steps:" list)',
    );
  });
  it("checks a reply's media: 1 to 10 https URLs or templates, each checked at its index", () => {
    expect(
      validateDefinition([
        { reply: 'Map', media: ['https://x.example/map.png', 'https://x.example/{{chat.channel}}.png'] },
      ]),
    ).toEqual([
      { reply: 'Map', media: ['https://x.example/map.png', 'https://x.example/{{chat.channel}}.png'] },
    ]);
    expect(problem([{ reply: 'Map', media: ['http://x.example/map.png'] }])).toMatch(
      /steps\[0\]\.media\[0\]: .*https/,
    );
    expect(problem([{ reply: 'Map', media: [] }])).toMatch(/steps\[0\]\.media: a list of 1 to 10 media URLs/);
    expect(problem([{ reply: 'Map', media: ['https://x.example/{{chat.channel'] }])).toMatch(
      /steps\[0\]\.media\[0\]: template/,
    );
  });
  it("checks a reply's buttons and list against WhatsApp's limits, and refuses them with media or together", () => {
    const buttons = [
      { id: 'yes', title: 'Yes' },
      { id: 'no', title: 'No' },
    ];
    expect(validateDefinition([{ reply: 'Book?', buttons }])).toEqual([{ reply: 'Book?', buttons }]);
    const list = { button: 'Clinics', items: [{ id: 'c1', title: 'Downtown', description: 'Main St' }] };
    expect(validateDefinition([{ reply: 'Where?', list }])).toEqual([{ reply: 'Where?', list }]);

    const four = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }));
    expect(problem([{ reply: 'Pick', buttons: four }])).toBe(
      'definition is not valid: steps[0].buttons: WhatsApp shows at most 3 buttons',
    );
    expect(problem([{ reply: 'Pick', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }])).toMatch(
      /steps\[0\]\.buttons\.0\.title: .*20/,
    );
    expect(problem([{ reply: 'Pick', buttons: [buttons[0], buttons[0]] }])).toBe(
      'definition is not valid: steps[0].buttons: each button needs its own id',
    );
    expect(problem([{ reply: 'Pick', buttons, list }])).toBe(
      'definition is not valid: steps[0]: a reply has buttons or a list, not both',
    );
    expect(problem([{ reply: 'Pick', buttons, media: ['https://x.example/a.png'] }])).toBe(
      'definition is not valid: steps[0]: a reply with buttons cannot carry media',
    );
    expect(problem([{ reply: 'Where?', list: { button: 'Clinics', items: [] } }])).toMatch(
      /steps\[0\]\.list\.items: /,
    );
  });
});
