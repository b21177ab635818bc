import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a control request body or query; a bad one answers 400 naming each field. */
export function parseJsonBody<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
  throw new BadRequestException(message);
}
