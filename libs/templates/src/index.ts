export { renderTemplate, validateTemplate, TemplateError } from './templates';
