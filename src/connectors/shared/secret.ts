/** A pasted token or key, trimmed; plain words when it is empty or has spaces in it. */
export function requireSecret(secret: unknown, what: string): string {
  const value = typeof secret === 'string' ? secret.trim() : '';
  if (value === '') throw new Error(`Enter your ${what}.`);
  if (/\s/.test(value)) throw new Error(`A ${what} has no spaces or line breaks.`);
  return value;
}
