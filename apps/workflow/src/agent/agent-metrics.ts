import { histogram } from '@app/telemetry';

export const modelSeconds = histogram(
  'workflow_model_call_seconds',
  'Time one model call took, by outcome',
  ['outcome'],
  [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
);
