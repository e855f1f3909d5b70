// An AWS error as a service raises it; the core writes it in the service's wire format.

export interface AwsErrorOptions {
  /** HTTP status; default 400. */
  status?: number;
  /** false for server faults (Type Receiver in query protocols); default true. */
  sender?: boolean;
  /** Extra members of the error shape, serialized beside the message (e.g. RAM, Organizations Reason). */
  fields?: Record<string, unknown>;
}

export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  /** Whether the service chose the status; if not, a modeled exception's own status applies. */
  readonly explicitStatus: boolean;
  readonly sender: boolean;
  readonly fields: Record<string, unknown>;

  constructor(code: string, message: string, options: AwsErrorOptions = {}) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = options.status ?? 400;
    this.explicitStatus = options.status !== undefined;
    this.sender = options.sender ?? true;
    this.fields = options.fields ?? {};
  }
}

export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
