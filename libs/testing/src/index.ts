export * from './test-env';
export * from './nats-test-client';
export * from './emulator-process';
export * from './scripted-llm';
export * from './fixtures';
export * from './emulator-client';
export * from './sse';
export * from './nats-server-process';
