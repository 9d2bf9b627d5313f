import { describe, expect, it } from 'vitest';
import { CRM_TEXT_MAX, classifyError, crmErrorText, redactSecrets } from './errors';
import { HttpError } from '@/platform/worker/http/client';

function httpError(status: number, data: unknown): Error {
  return new HttpError('status', `HTTP ${status}`, { status, headers: {}, data });
}

describe('crmErrorText', () => {
  it("reads Pipedrive's and Insightly's error bodies", () => {
    expect(crmErrorText({ success: false, error: 'Name must be given.', errorCode: 400 })).toBe(
      'Name must be given.',
    );
    expect(crmErrorText({ Message: 'LAST_NAME is required' })).toBe('LAST_NAME is required');
  });

  it('gives nothing for HTML, empty or unknown bodies', () => {
    for (const body of ['<html>502</html>', '', null, undefined, [], { error: '  ' }, { x: 1 }]) {
      expect(crmErrorText(body)).toBeUndefined();
    }
  });

  it('keeps one short line and never a credential', () => {
    const token = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0';
    const text = crmErrorText({
      error: `Bad\nrequest for https://x.pipedrive.com/v1/persons?api_token=${token} ${'x '.repeat(200)}`,
    })!;
    expect(text).not.toContain(token);
    expect(text).not.toContain('\n');
    expect(text.length).toBeLessThanOrEqual(CRM_TEXT_MAX);
    expect(text).toMatch(/^Bad request for .*\[hidden\].*…$/);
    expect(crmErrorText({ Message: 'Key 0c5a3f12-2b44-4a0e-9f1e-3d2a6b7c8d9e was rejected' })).toBe(
      'Key [hidden] was rejected',
    );
  });

  it('hides given secrets verbatim, and Authorization values', () => {
    expect(redactSecrets('token abc123 sent as Bearer abc123', ['abc123'])).toBe(
      'token [hidden] sent as Bearer [hidden]',
    );
    expect(redactSecrets('Basic dXNlcjo= refused')).toBe('[hidden] refused');
  });
});

describe('classifyError', () => {
  it("keeps the CRM's own words of an HTTP error, apart from the kind", () => {
    const failure = classifyError(httpError(400, { success: false, error: 'Invalid deal_id' }));
    expect(failure).toMatchObject({
      kind: 'badRequest',
      crmText: 'Invalid deal_id',
      message: 'The CRM answered HTTP 400.',
    });
    expect(classifyError(httpError(404, '<html></html>')).crmText).toBeUndefined();
  });
});
