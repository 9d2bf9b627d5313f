import {
  startEmulator,
  type Emulator,
  type EmulatorRequest,
  type EmulatorResponse,
} from './harness.ts';
import { PipedriveData, type PipedriveState } from './pipedrive-data.ts';
import { pdError, pdErrorBody } from './pipedrive-format.ts';
import { pipedriveRouter } from './pipedrive-routes.ts';
import { PIPEDRIVE_API_TOKEN, PIPEDRIVE_OAUTH_TOKEN } from './pipedrive-seed.ts';
import { RateWindow } from './rate-window.ts';

export * from './pipedrive-seed.ts';
export type {
  NewPerson,
  PdCallLog,
  PdPerson,
  PipedriveData,
  PipedriveState,
} from './pipedrive-data.ts';

export interface PipedriveOptions {
  port?: number;
  /** Personal API token (x-api-token header or api_token query). */
  apiToken?: string;
  /** OAuth access token (Authorization: Bearer). */
  oauthToken?: string;
  /** Replaces the default seed. */
  seed?: () => PipedriveState;
  /** Load from / persist to this JSON file (the demo keeps data between runs). */
  dataFile?: string;
  /** How long a created person stays invisible to search (default 0). */
  indexDelayMs?: number;
  /** Default 80 requests per 2000 ms window. */
  rateLimit?: { limit?: number; windowMs?: number };
}

export type PipedriveEmulator = Emulator<PipedriveData> & { rateLimit: RateWindow };

export async function startPipedrive(opts: PipedriveOptions = {}): Promise<PipedriveEmulator> {
  const apiToken = opts.apiToken ?? PIPEDRIVE_API_TOKEN;
  const oauthToken = opts.oauthToken ?? PIPEDRIVE_OAUTH_TOKEN;
  const data = new PipedriveData({
    dataFile: opts.dataFile,
    indexDelayMs: opts.indexDelayMs,
    seed: opts.seed,
  });
  const limiter = new RateWindow(opts.rateLimit?.limit ?? 80, opts.rateLimit?.windowMs ?? 2000);
  const router = pipedriveRouter(data);

  // A request is authorised if any credential it presents is valid.
  const authorised = (req: EmulatorRequest): boolean => {
    const tokens = [req.headers['x-api-token'], req.params.get('api_token') ?? undefined];
    if (tokens.some((t) => t !== undefined && t === apiToken)) return true;
    const auth = req.headers.authorization ?? '';
    return /^Bearer /i.test(auth) && auth.slice(7).trim() === oauthToken;
  };

  const rateLimitAnswer = (retryAfterSec: number): EmulatorResponse => ({
    status: 429,
    body: pdErrorBody(429),
    headers: {
      'retry-after': String(retryAfterSec),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(retryAfterSec),
    },
  });

  const emulator = await startEmulator({
    name: 'pipedrive',
    port: opts.port,
    caseInsensitivePaths: false,
    data,
    errorBody: (status) => pdErrorBody(status),
    rateLimitAnswer,
    // Docs: every answer carries these; x-ratelimit-reset = seconds left in the window.
    commonHeaders: () => ({
      'x-ratelimit-limit': String(limiter.limit),
      'x-ratelimit-remaining': String(limiter.remaining()),
      'x-ratelimit-reset': String(limiter.resetSeconds()),
    }),
    onReset: () => {
      data.reset();
      limiter.reset();
    },
    handle: (req) => {
      if (!authorised(req)) return pdError(401); // unauthenticated calls spend no budget
      if (!limiter.consume()) return rateLimitAnswer(limiter.resetSeconds());
      const match = router.match(req.method, req.path);
      if (!match) return pdError(404, 'Unknown method .');
      return match.handler(req, match.params);
    },
  });
  return Object.assign(emulator, { rateLimit: limiter });
}
