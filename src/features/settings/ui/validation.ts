/** Plain-words checks for the options page's text inputs; the stored value is only ever valid. */
import { softphoneTarget } from '@/entrypoints/softphone/origin';
import { SETTING_LIMITS } from '../model/settings';

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const no = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** '' (none) or an http(s) URL; `{phoneNumber}` is the only placeholder it may carry. */
export function checkFallbackUrl(input: string): Checked<string> {
  const text = input.trim();
  if (text === '') return { ok: true, value: '' };
  const other = /\{(?!phoneNumber\})[^}]*\}/.exec(text);
  if (other) {
    return no(`${other[0]} is not a placeholder CallPop knows. Use {phoneNumber}, or nothing.`);
  }
  // The placeholder stands for digits, so check the address with a sample number in its place.
  const url = URL.parse(text.replaceAll('{phoneNumber}', '%2B14155550102'));
  if (!url) {
    return no(
      'That is not a web address. Enter one like https://crm.example.com/search?q={phoneNumber}.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return no('Only web addresses starting with https:// or http:// can be opened.');
  }
  return { ok: true, value: text };
}

/** The softphone page, by the rule the softphone window applies (origin.ts). */
export function checkSoftphoneUrl(input: string): Checked<string> {
  if (input.trim() === '') return no('Enter the softphone address.');
  const target = softphoneTarget(input);
  return target.ok ? { ok: true, value: input.trim() } : no(target.reason);
}

type WholeLimit = 'matchTtlMinutes' | 'noMatchTtlMinutes' | 'requestTimeoutSeconds';

export function checkWhole(input: string, limit: WholeLimit): Checked<number> {
  const { min, max } = SETTING_LIMITS[limit];
  const unit = limit.endsWith('Seconds') ? 'seconds' : 'minutes';
  const text = input.trim();
  const range = `between ${min} and ${max.toLocaleString('en-US')}`;
  if (text === '') return no(`Enter a number of ${unit} ${range}.`);
  if (!/^\d+$/.test(text)) return no(`Use whole ${unit} only (digits), ${range}.`);
  const value = Number(text);
  if (value < min || value > max) {
    return no(`Enter a number of ${unit} ${range}; ${text} is out of range.`);
  }
  return { ok: true, value };
}
