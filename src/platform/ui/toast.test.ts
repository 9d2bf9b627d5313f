import { describe, expect, it } from 'vitest';
import { messageText } from './toast';

describe('messageText', () => {
  it('says the message and its details as sentences', () => {
    const notFound = {
      message: 'Contact not found',
      messageType: 'warning' as const,
      ttl: 5000,
      details: [{ title: 'Details', items: [{ id: 1, type: 'text' as const, text: 'No match.' }] }],
    };
    expect(messageText(notFound)).toBe('Contact not found. No match.');
    expect(messageText({ message: 'Call logged.', messageType: 'success', ttl: 1 })).toBe(
      'Call logged.',
    );
  });
});
