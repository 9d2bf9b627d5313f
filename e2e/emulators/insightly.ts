import {
  startEmulator,
  type Emulator,
  type EmulatorRequest,
  type EmulatorResponse,
} from './harness.ts';
import { InsightlyData, type InsightlyState } from './insightly-data.ts';
import { insightlyRouter, isError, isErrorBody } from './insightly-routes.ts';
import { INSIGHTLY_API_KEY } from './insightly-seed.ts';
import { RateWindow } from './rate-window.ts';

export * from './insightly-seed.ts';
export type { InsightlyData, InsightlyState, IsContact, IsLead, IsNote } from './insightly-data.ts';

export interface InsightlyOptions {
  port?: number;
  apiKey?: string;
  seed?: () => InsightlyState;
  dataFile?: string;
  /** How long a created record stays invisible to Search (default 0). */
  indexDelayMs?: number;
  /** Default 10 requests per 1000 ms window: Insightly's documented per-second limit. */
  rateLimit?: { limit?: number; windowMs?: number };
}

export type InsightlyEmulator = Emulator<InsightlyData> & { rateLimit: RateWindow };

export async function startInsightly(opts: InsightlyOptions = {}): Promise<InsightlyEmulator> {
  const apiKey = opts.apiKey ?? INSIGHTLY_API_KEY;
  const data = new InsightlyData({
    dataFile: opts.dataFile,
    indexDelayMs: opts.indexDelayMs,
    seed: opts.seed,
  });
  const router = insightlyRouter(data);
  const limiter = new RateWindow(opts.rateLimit?.limit ?? 10, opts.rateLimit?.windowMs ?? 1000);

  // Basic auth, API key as user name, empty password. 'key' without the colon is also
  // accepted: older Insightly docs told clients to base64 the bare key.
  const authorised = (req: EmulatorRequest): boolean => {
    const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m) return false;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    return decoded === `${apiKey}:` || decoded === apiKey;
  };

  // Insightly documents 429 for its per-second/daily limits; the header names are assumed.
  const rateLimitAnswer = (retryAfterSec: number): EmulatorResponse => ({
    status: 429,
    body: isErrorBody(429),
    headers: {
      'retry-after': String(retryAfterSec),
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
    },
  });

  const emulator = await startEmulator({
    name: 'insightly',
    port: opts.port,
    caseInsensitivePaths: true,
    data,
    errorBody: (status) => isErrorBody(status),
    rateLimitAnswer,
    onReset: () => {
      data.reset();
      limiter.reset();
    },
    handle: (req) => {
      if (!authorised(req)) {
        return { ...isError(401), headers: { 'www-authenticate': 'Basic realm="Insightly"' } };
      }
      if (!limiter.consume()) return rateLimitAnswer(limiter.resetSeconds());
      const match = router.match(req.method, req.path);
      if (!match) {
        return isError(
          404,
          `No HTTP resource was found that matches the request URI '${req.path}'.`,
        );
      }
      return match.handler(req, match.params);
    },
  });
  return Object.assign(emulator, { rateLimit: limiter });
}
