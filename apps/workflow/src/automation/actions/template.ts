import { AppError } from '@app/contracts';
import { renderTemplate, validateTemplate } from '@app/templates';

export { renderTemplate };

/** Rejects a template that does not parse (or calls unknown helpers), when a rule or routine is saved. */
export function checkTemplate(source: string, field: string): void {
  const problem = validateTemplate(source);
  if (problem) throw new AppError('invalid_input', `${field}: not a valid template: ${problem}`);
}
