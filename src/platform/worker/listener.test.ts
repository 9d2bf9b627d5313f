import { describe, expect, it, vi } from 'vitest';
import { CHANNEL, envelope } from '../messages';
import { request } from '../ui/messaging';
import { chromeFake, extensionPageSender, FAKE_EXTENSION_ID } from '@/test/chrome-fake';
import { handlers } from '@/entrypoints/worker/handlers';
import { createMessageListener, type HandlerTable } from './listener';
import { RequestError } from './request-error';

function register(table: HandlerTable = handlers): void {
  chrome.runtime.onMessage.addListener(createMessageListener(table));
}

describe('message listener', () => {
  it('answers status.get from an extension page with the manifest version', async () => {
    register();
    await expect(request('status.get')).resolves.toEqual({ name: 'CallPop', version: '0.1.0' });
  });

  it('refuses a message from a web page (content-script sender)', async () => {
    register();
    const reply = await chromeFake().dispatchMessage(envelope('status.get', undefined), {
      id: FAKE_EXTENSION_ID,
      url: 'https://evil.example/page',
      origin: 'https://evil.example',
      tab: { id: 7 } as chrome.tabs.Tab,
    });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'forbidden_sender', message: 'Sender is not part of CallPop.' },
    });
  });

  it('refuses a message from another extension', async () => {
    register();
    const other = 'ponmlkjihgfedcbaponmlkjihgfedcba';
    const reply = await chromeFake().dispatchMessage(envelope('status.get', undefined), {
      id: other,
      url: `chrome-extension://${other}/page.html`,
      origin: `chrome-extension://${other}`,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('answers an unknown request name with unknown_request', async () => {
    register();
    const reply = await chromeFake().dispatchMessage(
      { channel: CHANNEL, name: 'nope', payload: null },
      extensionPageSender(),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
  });

  it('does not claim messages that are not CallPop envelopes', async () => {
    register();
    await expect(chromeFake().dispatchMessage({ hello: 'world' })).resolves.toBeUndefined();
  });

  it('turns a RequestError into its code and message, and other errors into internal', async () => {
    register({
      ...handlers,
      'status.get': () => {
        throw new RequestError('bad_request', 'That number is not valid.');
      },
    });
    await expect(chromeFake().dispatchMessage(envelope('status.get', undefined))).resolves.toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'That number is not valid.' },
    });
  });

  it('says when a failed Save may still land, so the form can say its retry checks first', async () => {
    register({
      ...handlers,
      'status.get': () => {
        throw new RequestError('crm_error', 'Pipedrive did not answer in time.', true);
      },
    });
    await expect(chromeFake().dispatchMessage(envelope('status.get', undefined))).resolves.toEqual({
      ok: false,
      error: {
        code: 'crm_error',
        message: 'Pipedrive did not answer in time.',
        outcomeUnclear: true,
      },
    });
  });

  it('hides unexpected error details behind an internal error', async () => {
    const quiet = console.error;
    console.error = () => undefined;
    try {
      register({
        ...handlers,
        'status.get': () => {
          throw new TypeError('secret stack detail');
        },
      });
      const reply = await chromeFake().dispatchMessage(envelope('status.get', undefined));
      expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(reply)).not.toContain('secret');
    } finally {
      console.error = quiet;
    }
  });

  it('logs an unexpected error without the request headers it carries', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      register({
        ...handlers,
        'status.get': () => {
          // An error that carries the request it came from, credentials included.
          throw Object.assign(new Error('Request failed with status code 418'), {
            config: {
              headers: { Authorization: 'Bearer tok-123456', 'x-api-token': 'tok-654321' },
            },
          });
        },
      });
      await chromeFake().dispatchMessage(envelope('status.get', undefined));
      expect(logged).toHaveBeenCalledTimes(1);
      const text = logged.mock.calls[0]!.map((arg) =>
        typeof arg === 'string' ? arg : `${String(arg)} ${JSON.stringify(arg)}`,
      ).join(' ');
      expect(text).toContain('Request failed with status code 418');
      expect(text).not.toMatch(/tok-123456|tok-654321/);
    } finally {
      logged.mockRestore();
    }
  });
});
