import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '@app/contracts';

/** Whether an address is on the public internet (not loopback, private, link-local, CGNAT, multicast...). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * A webhook URL the api may call: https (http too when private targets are allowed, for local
 * development), no credentials in it, and a literal address only if it is public.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_input', 'url: must be an absolute URL such as https://example.com/hooks');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:'))
    throw new AppError('invalid_input', 'url: must be https');
  if (url.username || url.password) throw new AppError('invalid_input', 'url: must not carry credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && ipaddr.isValid(host) && !isPublicAddress(host))
    throw new AppError('invalid_input', 'url: must not point to a private, loopback or link-local address');
  return url;
}

/**
 * A DNS look-up for the HTTP client's sockets that refuses names resolving to a non-public
 * address: the address checked is the one connected to, so a name that changes its answer
 * between a check and the connection (DNS rebinding) gains nothing.
 */
export function publicOnlyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) {
        const problem = Object.assign(
          new Error(`${hostname} resolves to ${refused.address}, a private or loopback address`),
          { code: 'EPRIVATEADDRESS' },
        );
        return callback(problem, '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
