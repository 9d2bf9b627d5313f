import { describe, expect, it } from 'vitest';
import { httpUrl, renderUrlTemplate } from './url-template';

const PIPEDRIVE = 'https://{hostname}/person/{contactId}';

describe('renderUrlTemplate', () => {
  it('turns a bare hostname into an https origin and inserts the id', () => {
    expect(
      renderUrlTemplate('{hostname}/person/{contactId}', {
        hostname: 'acme.pipedrive.com',
        contactId: 42,
      }),
    ).toBe('https://acme.pipedrive.com/person/42');
  });

  it('uses a hostname that carries a scheme as the origin, as is', () => {
    expect(
      renderUrlTemplate('{hostname}/details/{contactType}/{contactId}', {
        hostname: 'http://127.0.0.1:4010/',
        contactType: 'Contact',
        contactId: '7',
      }),
    ).toBe('http://127.0.0.1:4010/details/Contact/7');
  });

  it('encodes every inserted value so it cannot add path segments or a query', () => {
    expect(
      renderUrlTemplate('{hostname}/c/{contactId}', {
        hostname: 'crm.test',
        contactId: '../x?a=1#b',
      }),
    ).toBe('https://crm.test/c/..%2Fx%3Fa%3D1%23b');
  });

  it('gives no link for a value of . or .., which a URL reads as a step up the path', () => {
    for (const contactId of ['.', '..']) {
      expect(
        renderUrlTemplate(PIPEDRIVE, { hostname: 'acme.pipedrive.com', contactId }),
      ).toBeNull();
    }
    expect(renderUrlTemplate(PIPEDRIVE, { hostname: 'acme.pipedrive.com', contactId: '...' })).toBe(
      'https://acme.pipedrive.com/person/...',
    );
  });

  it('refuses a hostname that would turn the rest of the template into a path, query or fragment', () => {
    for (const hostname of [
      'acme.pipedrive.com#',
      'acme.pipedrive.com?',
      'acme.pipedrive.com\\',
      'acme.pipedrive.com/x',
      'https://acme.pipedrive.com\\@evil.test',
      'https:/evil.test',
    ]) {
      expect(renderUrlTemplate(PIPEDRIVE, { hostname, contactId: 1 }), hostname).toBeNull();
    }
  });

  it('accepts App Connect style templates that spell out https:// before {hostname}', () => {
    expect(renderUrlTemplate(PIPEDRIVE, { hostname: 'acme.pipedrive.com', contactId: 1 })).toBe(
      'https://acme.pipedrive.com/person/1',
    );
    expect(renderUrlTemplate(PIPEDRIVE, { hostname: 'http://127.0.0.1:4010', contactId: 1 })).toBe(
      'http://127.0.0.1:4010/person/1',
    );
  });

  it('returns null for non-http results and missing values', () => {
    expect(renderUrlTemplate('javascript:alert({contactId})', { contactId: 1 })).toBeNull();
    expect(
      renderUrlTemplate('{hostname}/p/{contactId}', {
        hostname: 'javascript:alert(1)//',
        contactId: 1,
      }),
    ).toBeNull();
    expect(renderUrlTemplate('{hostname}/p/{contactId}', { hostname: 'crm.test' })).toBeNull();
    expect(renderUrlTemplate('', {})).toBeNull();
  });

  it('accepts only http(s) in httpUrl', () => {
    expect(httpUrl('https://a.test/x')).toBe('https://a.test/x');
    expect(httpUrl('data:text/html,hi')).toBeNull();
    expect(httpUrl('not a url')).toBeNull();
  });
});
