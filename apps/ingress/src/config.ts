import { z } from 'zod';
import { baseConfigShape, loadConfig, type Config } from '@app/config';

export const ingressConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
};
export type IngressConfig = Config<typeof ingressConfigShape>;

export const loadIngressConfig = (env: Record<string, string | undefined> = process.env): IngressConfig =>
  loadConfig(ingressConfigShape, env);
