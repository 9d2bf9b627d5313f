import type { EmulatorRequest, EmulatorResponse } from './harness.ts';

export type RouteHandler = (
  req: EmulatorRequest,
  params: Record<string, string>,
) => EmulatorResponse | Promise<EmulatorResponse>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

/** Minimal path router: '/v1/persons/:id' style patterns, optional case-insensitivity. */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly caseInsensitive = false) {}

  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  /** Every route, as method and pattern ('/v1/persons/:id'), to check against the API docs. */
  list(): { method: string; pattern: string }[] {
    return this.routes.map((r) => ({ method: r.method, pattern: `/${r.segments.join('/')}` }));
  }

  get(pattern: string, handler: RouteHandler): this {
    return this.on('GET', pattern, handler);
  }

  post(pattern: string, handler: RouteHandler): this {
    return this.on('POST', pattern, handler);
  }

  put(pattern: string, handler: RouteHandler): this {
    return this.on('PUT', pattern, handler);
  }

  delete(pattern: string, handler: RouteHandler): this {
    return this.on('DELETE', pattern, handler);
  }

  match(
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string> } | undefined {
    const actual = split(path);
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase() || route.segments.length !== actual.length) {
        continue;
      }
      const params: Record<string, string> = {};
      const ok = route.segments.every((seg, i) => {
        const got = actual[i] ?? '';
        if (seg.startsWith(':')) {
          params[seg.slice(1)] = decodeURIComponent(got);
          return got.length > 0;
        }
        return this.caseInsensitive ? seg.toLowerCase() === got.toLowerCase() : seg === got;
      });
      if (ok) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}
