/**
 * A trailing API version such as Insightly's `/v3.1` (how Insightly shows its API URL), and
 * trailing slashes. Both the options page and the service worker drop it from a CRM address:
 * connectors add the version they speak.
 */
export const API_VERSION_SUFFIX = /(\/v\d+(\.\d+)?)?\/*$/i;

/** The address without a trailing API version or slashes. */
export function withoutApiVersion(address: string): string {
  return address.replace(API_VERSION_SUFFIX, '');
}
