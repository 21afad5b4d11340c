import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { judgeAddress, type AddressPolicy } from './address-policy.js';

/** Thrown inside the DNS lookup, so the connection is never opened to a refused address. */
export class RefusedAddress extends Error {}

/** The message for a refused address: what it is, why it is refused, and what to do instead. */
export function refusal(host: string, address: string, range: string): string {
  return `The link leads to ${host === address ? address : `${host} (${address})`}, ${range}, which the bot does not fetch: it may be a machine inside a private network. Share a public link, or attach the file instead.`;
}

/** A DNS lookup that only ever hands the connection an address the policy allows. */
export function checkedLookup(policy: AddressPolicy, resolve: typeof dns.lookup = dns.lookup): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as dns.LookupAddress[];
      const allowed = list.filter((entry) => judgeAddress(entry.address, policy).allowed);
      const [first] = allowed;
      if (!first) {
        const refused = list[0];
        if (!refused) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
        const verdict = judgeAddress(refused.address, policy);
        return callback(new RefusedAddress(refusal(hostname, refused.address, verdict.allowed ? 'an address' : verdict.range)), '', 0);
      }
      if (lookupOptions.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, allowed);
      return callback(null, first.address, first.family);
    });
  };
}
