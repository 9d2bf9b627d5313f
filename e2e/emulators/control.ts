import { faultFromJson, faultToJson } from './faults.ts';
import type { Emulator, EmulatorRequest, EmulatorResponse } from './harness.ts';
import { isRecord, toInt } from './util.ts';

/** The /__emulator/ control API, for the demo and benchmarks running out of process. */
export function handleControl(emu: Emulator<unknown>, req: EmulatorRequest): EmulatorResponse {
  const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /__emulator/log':
        return ok({ entries: emu.log.entries });
      case 'DELETE /__emulator/log':
        emu.log.clear();
        return { status: 204 };
      case 'GET /__emulator/faults':
        return ok({ faults: emu.faults.pending().map(faultToJson) });
      case 'POST /__emulator/faults': {
        const list = Array.isArray(req.body) ? req.body : [req.body];
        for (const f of list) emu.faults.add(faultFromJson(f));
        return { status: 201, body: { faults: emu.faults.pending().map(faultToJson) } };
      }
      case 'DELETE /__emulator/faults':
        emu.faults.clear();
        return { status: 204 };
      case 'GET /__emulator/latency':
        return ok({ ms: emu.latency() });
      case 'POST /__emulator/latency': {
        const ms = toInt(isRecord(req.body) ? req.body.ms : undefined, NaN);
        if (Number.isNaN(ms)) return bad('body must be {"ms": number}');
        emu.setLatency(ms);
        return ok({ ms: emu.latency() });
      }
      case 'GET /__emulator/held':
        return ok({ held: emu.held() });
      case 'POST /__emulator/release':
        return ok({ released: emu.release() });
      case 'POST /__emulator/reset':
        emu.reset();
        return { status: 204 };
      case 'GET /__emulator/health':
        return ok({ name: emu.name, url: emu.url });
      default:
        return { status: 404, body: { error: `unknown control route ${route}` } };
    }
  } catch (err) {
    return bad(err instanceof Error ? err.message : String(err));
  }
}

function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}

function bad(error: string): EmulatorResponse {
  return { status: 400, body: { error } };
}
