import { isIP } from 'node:net';

/** Express's `trust proxy`: nobody (false), a number of hops, or the proxies' addresses and subnets. */
export type TrustProxy = false | number | readonly string[];

/** proxy-addr's names for address ranges, which Express accepts in the list. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: which reverse proxies may say who the client is (X-Forwarded-For), for the rate limits and
 * the audit log. Unset, empty, `false` or `0`: none, the socket's address counts (a client reaching the app
 * directly cannot pick its own address). A number: that many hops in front of the app. Else a comma list of
 * addresses, subnets (CIDR) or `loopback` / `linklocal` / `uniquelocal`. `true` (trust anyone) is refused.
 * Returns the value, or a sentence saying what is wrong.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true')
    return 'TRUST_PROXY=true would trust anyone to name their own address; list the proxies';
  if (/^\d+$/.test(value)) return Number(value) <= 10 ? Number(value) : 'TRUST_PROXY: at most 10 hops';
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.find((entry) => !isAddressOrSubnet(entry));
  if (bad !== undefined) {
    return `TRUST_PROXY must be a number of hops or a comma list of addresses, subnets and loopback/linklocal/uniquelocal (bad: "${bad}")`;
  }
  return entries;
}
