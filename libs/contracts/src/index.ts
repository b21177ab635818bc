export * from './common';
export * from './define';
export * from './parties';
export * from './errors';
export * from './streams';
export * from './dead-letter.contracts';
export * from './inbound.contracts';
export * from './routing.contracts';
export * from './preferences.contracts';
export * from './conversation.contracts';
export * from './chats.contracts';
export * from './outbound.contracts';
export * from './events.contracts';
export * from './workflow.contracts';
export * from './diagnostics.contracts';
export * from './docs/contract-tables';
export * from './docs/json-schemas';
// Not './docs/asyncapi': only `npm run contracts:schemas` writes the AsyncAPI document, and its YAML
// library would otherwise load in every service.
