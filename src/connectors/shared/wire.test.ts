import { describe, expect, it } from 'vitest';
import { buildUrl, rateLimitTracking, sqlUtc } from './wire';

describe('buildUrl', () => {
  it('encodes query values so a plus never becomes a space', () => {
    const url = new URL(buildUrl('api.example.test', '/search', { term: '+1 415', x: undefined }));
    expect(url.search).toBe('?term=%2B1+415');
    expect(url.searchParams.get('term')).toBe('+1 415');
    expect(url.origin).toBe('https://api.example.test');
  });

  it('keeps a hostname that carries an http scheme as its origin', () => {
    expect(buildUrl('http://127.0.0.1:4010/', '/v1/users/me')).toBe(
      'http://127.0.0.1:4010/v1/users/me',
    );
  });

  it('refuses paths that could change the host', () => {
    expect(() => buildUrl('a.test', '//evil.test/x')).toThrow(/path/);
    expect(() => buildUrl('a.test', 'relative')).toThrow(/path/);
  });
});

describe('sqlUtc', () => {
  it('formats epoch ms as UTC YYYY-MM-DD HH:mm:ss', () => {
    expect(sqlUtc(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('2024-01-02 03:04:05');
  });
});

describe('rateLimitTracking', () => {
  it('reads x-ratelimit-* from the answer headers', () => {
    const plain = {
      'x-ratelimit-remaining': '79',
      'x-ratelimit-limit': '80',
      'x-ratelimit-reset': '2',
    };
    expect(rateLimitTracking(plain)).toEqual({
      ratelimitRemaining: '79',
      ratelimitAmount: '80',
      ratelimitReset: '2',
    });
    expect(rateLimitTracking(undefined)).toEqual({});
  });
});
