import { stripChannelPrefix } from '@app/twilio';
import { type FormFields, formValue } from '../common/twilio-format';
import type { EmulatedMessage } from './message.model';

export interface MessagePage {
  messages: EmulatedMessage[];
  page: number;
  pageSize: number;
  start: number;
  end: number;
  uri: string;
  firstPageUri: string;
  nextPageUri: string | null;
  previousPageUri: string | null;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const FILTER_KEYS = ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>'] as const;

/**
 * Twilio's `GET .../Messages.json`: filters (To, From, DateSent, DateSent<, DateSent>), newest first,
 * pages of PageSize (default 50, at most 1000) addressed by Page and PageToken (`PA` + the last SID
 * of the previous page, so pages stay stable while new messages arrive).
 * `newestFirst` must already be ordered newest first.
 */
export function listMessagePage(
  newestFirst: readonly EmulatedMessage[],
  query: FormFields,
  basePath: string,
): MessagePage {
  const filtered = newestFirst.filter(messageFilter(query));
  const pageSize = clamp(toInt(formValue(query, 'PageSize')) ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const page = Math.max(0, toInt(formValue(query, 'Page')) ?? 0);
  const token = formValue(query, 'PageToken');
  let start = page * pageSize;
  if (token?.startsWith('PA')) {
    const after = filtered.findIndex((message) => message.sid === token.slice(2));
    if (after >= 0) start = after + 1;
  }
  const messages = filtered.slice(start, start + pageSize);
  const filters = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = formValue(query, key);
    if (value !== undefined) filters.append(key, value);
  }
  const pageUri = (pageNumber: number, pageToken?: string): string => {
    const search = new URLSearchParams(filters);
    search.set('PageSize', String(pageSize));
    search.set('Page', String(pageNumber));
    if (pageToken) search.set('PageToken', pageToken);
    return `${basePath}?${search.toString()}`;
  };
  const last = messages.at(-1);
  const hasMore = start + messages.length < filtered.length;
  return {
    messages,
    page,
    pageSize,
    start,
    end: messages.length ? start + messages.length - 1 : start,
    uri: pageUri(page, token),
    firstPageUri: pageUri(0),
    nextPageUri: hasMore && last ? pageUri(page + 1, `PA${last.sid}`) : null,
    previousPageUri: page > 0 ? pageUri(page - 1, messages[0] ? `PB${messages[0].sid}` : undefined) : null,
  };
}

/** The filter of a list query. A date-only value covers the whole UTC day. */
export function messageFilter(query: FormFields): (message: EmulatedMessage) => boolean {
  const to = formValue(query, 'To');
  const from = formValue(query, 'From');
  const on = dayRange(formValue(query, 'DateSent'));
  const before = formValue(query, 'DateSent<');
  const after = formValue(query, 'DateSent>');
  const onOrBefore = before ? (isDateOnly(before) ? dayRange(before)?.end : Date.parse(before)) : undefined;
  const onOrAfter = after ? (isDateOnly(after) ? dayRange(after)?.start : Date.parse(after)) : undefined;
  return (message) => {
    if (to && !sameAddress(message.to, to)) return false;
    if (from && (message.from === null || !sameAddress(message.from, from))) return false;
    const sent = message.sentAt ?? message.createdAt;
    if (on && (sent < on.start || sent > on.end)) return false;
    if (onOrBefore !== undefined && !Number.isNaN(onOrBefore) && sent > onOrBefore) return false;
    if (onOrAfter !== undefined && !Number.isNaN(onOrAfter) && sent < onOrAfter) return false;
    return true;
  };
}

/** `whatsapp:+1555...` matches only itself; a bare phone matches that phone on SMS. */
function sameAddress(address: string, filter: string): boolean {
  const wanted = filter.trim();
  return address === wanted || (!wanted.includes(':') && address === stripChannelPrefix(wanted));
}

function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
}

function dayRange(value: string | undefined): { start: number; end: number } | undefined {
  if (!value) return undefined;
  const day = value.trim().slice(0, 10);
  const start = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(start)) return undefined;
  return { start, end: start + 86_400_000 - 1 };
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
