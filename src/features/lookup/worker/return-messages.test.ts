import { describe, expect, it } from 'vitest';
import { extensionLookupOffMessage } from './return-messages';

describe('extensionLookupOffMessage', () => {
  it('names the Options checkbox by its exact label', () => {
    const detail = extensionLookupOffMessage('101').details?.[0]?.items[0];
    expect(detail).toMatchObject({
      text: '101 is an internal extension. Turn on "Look up internal extension numbers" in Options to search the CRM for it.',
    });
  });
});
