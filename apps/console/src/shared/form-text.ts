/**
 * A text the API leaves unset (null) is empty in a form, and goes back trimmed, empty meaning unset.
 * One rule for every form's optional texts (a member's name, a number's messages).
 */
export const formText = (value: string | null | undefined): string => value ?? '';

export const apiText = (value: string): string | null => (value.trim() === '' ? null : value.trim());
