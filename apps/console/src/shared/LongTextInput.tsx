import { Textarea, type TextareaProps } from '@mantine/core';

/**
 * A text that may run to several lines (a message, a template, a CEL expression): it grows as
 * you type, and keeps to a readable width.
 */
export function LongTextInput({ minRows = 2, ...props }: TextareaProps) {
  return <Textarea autosize minRows={minRows} maw={640} {...props} />;
}
