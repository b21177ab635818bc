/** What of an incoming request decides the URL Twilio signed. */
export interface RequestUrlParts {
  /** Path and query as received (`/twilio/status?sendId=...`). */
  url: string;
  protocol: string;
  /** Host header (with port), or the forwarded host behind a trusted proxy. */
  host: string;
}

/**
 * The URL Twilio called and signed: `PUBLIC_BASE_URL` + path + query when set (behind proxies and
 * TLS terminators the request's own scheme and host are not what Twilio saw), else the request's.
 */
export function publicUrl(publicBaseUrl: string | undefined, request: RequestUrlParts): string {
  if (publicBaseUrl) return publicBaseUrl + request.url;
  return `${request.protocol}://${request.host}${request.url}`;
}
