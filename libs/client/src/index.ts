export {
  SendClient,
  type ConnectOptions,
  type SendClientOptions,
  type SendInput,
  type SendRecord,
} from './send-client';
export { AppError, sendMsgId, type SendRequest, type SendResult } from '@app/contracts';
