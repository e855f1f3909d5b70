// Injected failures (`POST /_sandbox/faults`): deterministic, so that rate 0.5 fails every other
// matching call, starting with the first.
import { AwsError } from './errors.js';
import type { ServiceDefinition } from './types.js';

export interface Fault {
  /** Service folder name or signing name. */
  service: string;
  /** Operation name; absent: every operation of the service. */
  operation?: string;
  code: string;
  status: number;
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

  /** Throws the first matching fault whose turn it is. */
  check(service: ServiceDefinition, operation: string): void {
    for (const fault of this.faults) {
      if (fault.service !== service.name && fault.service !== service.signingName) continue;
      if (fault.operation !== undefined && fault.operation !== operation) continue;
      const n = fault.calls++;
      if (Math.ceil((n + 1) * fault.rate) > Math.ceil(n * fault.rate)) {
        throw new AwsError(fault.code, fault.message ?? `Injected fault: ${fault.code}`, { status: fault.status, sender: fault.status < 500 });
      }
    }
  }
}

/** Validates the JSON body of `POST /_sandbox/faults`. */
export function parseFaults(value: unknown): Fault[] {
  if (!Array.isArray(value)) throw new Error('faults must be a list');
  return value.map((item, index) => {
    const fault = item as Partial<Fault>;
    if (typeof fault.service !== 'string' || typeof fault.code !== 'string') throw new Error(`faults[${index}]: service and code are required`);
    const rate = fault.rate ?? 1;
    if (typeof rate !== 'number' || rate < 0 || rate > 1) throw new Error(`faults[${index}]: rate must be between 0 and 1`);
    const status = fault.status ?? 400;
    if (!Number.isInteger(status) || status < 400 || status > 599) throw new Error(`faults[${index}]: status must be 400..599`);
    return { service: fault.service, operation: fault.operation, code: fault.code, status, rate, message: fault.message };
  });
}
