export { startTwilioEmulator, type RunningTwilioEmulator, type TwilioEmulatorOptions } from './emulator';
export {
  DEFAULT_ACCOUNT_SID,
  DEFAULT_AUTH_TOKEN,
  EmulatorConfigError,
  loadEmulatorConfig,
  type EmulatorConfig,
} from './config';
export type { MessageControlView } from './messages/message.model';
