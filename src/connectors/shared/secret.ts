/** A pasted token or key, trimmed; plain words when it is empty or has spaces in it. */
export function requireSecret(secret: unknown, what: string): string {
  const value = typeof secret === 'string' ? secret.trim() : '';
  if (value === '') throw new Error(`Enter your ${what}.`);
  if (/\s/.test(value)) throw new Error(`Paste the ${what} again, without spaces.`);
  return value;
}

/** The saved auth string as its Authorization header; plain words when it is not `<scheme> …`. */
export function authorization(authHeader: string, scheme: string, crm: string) {
  if (!authHeader.startsWith(`${scheme} `)) {
    throw new Error(`The saved ${crm} credentials are unreadable. Connect ${crm} again.`);
  }
  return { Authorization: authHeader };
}
