// A trailing API version (Insightly shows `/v3.1`) and slashes, dropped from a CRM address by
// both the options page and the worker: connectors add the version they speak.
const API_VERSION_SUFFIX = /(\/v\d+(\.\d+)?)?\/*$/i;

/** The address without a trailing API version or slashes. */
export function withoutApiVersion(address: string): string {
  return address.replace(API_VERSION_SUFFIX, '');
}
