import type { ComponentProps } from 'react';
import { LongTextField } from '../shared/form-fields';

/** A CEL expression (a rule's condition, a routine's members): one line that grows as it gets longer. */
export function CelField(props: ComponentProps<typeof LongTextField>) {
  return <LongTextField minRows={1} {...props} />;
}
