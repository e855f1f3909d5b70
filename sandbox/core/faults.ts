// Injected failures (`POST /_sandbox/faults`): deterministic, so that rate 0.5 fails every other
// matching call, starting with the first. A fault may also hold the answer back (`delayMs`), with or
// without failing, so tests can act while a call is in flight.
import { AwsError } from './errors.js';
import type { ServiceDefinition } from './types.js';

export interface Fault {
  /** Service folder name or signing name. */
  service: string;
  /** Operation name; absent: every operation of the service. */
  operation?: string;
  /** The error to answer with; absent: the call is only delayed, then served. */
  code?: string;
  status: number;
  /** How long to hold the answer back before failing (or serving) it. */
  delayMs?: number;
  /** Share of matching calls that fail, 0..1. */
  rate: number;
  message?: string;
}

interface ArmedFault extends Fault {
  calls: number;
}

export class FaultInjector {
  private faults: ArmedFault[] = [];

  set(faults: Fault[]): void {
    this.faults = faults.map((fault) => ({ ...fault, calls: 0 }));
  }

  list(): Fault[] {
    return this.faults.map(({ calls: _calls, ...fault }) => fault);
  }

  /**
   * The first matching fault whose turn it is: its delay (ms) is returned, and after that its error is
   * thrown by `raise`.
   */
  check(service: ServiceDefinition, operation: string): { delayMs: number; raise(): void } | undefined {
    for (const fault of this.faults) {
      if (fault.service !== service.name && fault.service !== service.signingName) continue;
      if (fault.operation !== undefined && fault.operation !== operation) continue;
      const n = fault.calls++;
      if (Math.ceil((n + 1) * fault.rate) > Math.ceil(n * fault.rate)) {
        const { code } = fault;
        return {
          delayMs: fault.delayMs ?? 0,
          raise() {
            if (code) throw new AwsError(code, fault.message ?? `Injected fault: ${code}`, { status: fault.status, sender: fault.status < 500 });
          },
        };
      }
    }
    return undefined;
  }
}

/** Validates the JSON body of `POST /_sandbox/faults`. */
export function parseFaults(value: unknown): Fault[] {
  if (!Array.isArray(value)) throw new Error('faults must be a list');
  return value.map((item, index) => {
    const fault = item as Partial<Fault>;
    if (typeof fault.service !== 'string') throw new Error(`faults[${index}]: service is required`);
    const delayMs = fault.delayMs ?? 0;
    if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > 600_000) throw new Error(`faults[${index}]: delayMs must be 0..600000`);
    if (typeof fault.code !== 'string' && delayMs === 0) throw new Error(`faults[${index}]: a code, a delayMs or both are required`);
    const rate = fault.rate ?? 1;
    if (typeof rate !== 'number' || rate < 0 || rate > 1) throw new Error(`faults[${index}]: rate must be between 0 and 1`);
    const status = fault.status ?? 400;
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`faults[${index}]: status must be 400..599`);
    return { service: fault.service, operation: fault.operation, code: fault.code, status, rate, message: fault.message, delayMs: delayMs || undefined };
  });
}
