// Request bodies checked in proxy.ts before Next.js reads them. Next answers several kinds of junk with a 500
// (a body over the server action limit, arguments that are not JSON, a multipart body that ends early, nesting
// deep enough to overflow the stack, references to parts that were never sent): they get a 4xx here instead.

/** The most any request may send; also Next's server action limit (next.config.ts), so both refuse alike. */
export const BODY_SIZE_LIMIT_BYTES = 1024 * 1024;

export interface BodyProblem {
  status: 400 | 411 | 413 | 415;
  message: string;
}

/** What Content-Length says about the body, before anything is read. */
export function bodySizeProblem(headers: Headers): BodyProblem | undefined {
  const length = headers.get('content-length');
  if (length === null) {
    // Without a length the limit could only be found by reading; browsers always send one.
    return headers.has('transfer-encoding') ? { status: 411, message: 'Length required: send the body with a Content-Length.' } : undefined;
  }
  if (!/^\d+$/.test(length)) return { status: 400, message: 'Bad request: Content-Length is not a number.' };
  if (Number(length) > BODY_SIZE_LIMIT_BYTES) {
    return { status: 413, message: `Request too large: at most ${BODY_SIZE_LIMIT_BYTES / 1024 / 1024} MB may be sent.` };
  }
  return undefined;
}

// The console's pages only ever pass plain values to server actions. In React's encoding a string starting
// with "$" is a tag: these are the tags of plain values (an escaped "$", undefined, NaN, ±Infinity, -0, dates,
// big integers). In a multipart body "$K" (form data) and "$@" (another part, e.g. a form's bound arguments)
// may refer to what the body holds. Any other tag, or a part that is not there, is refused: streams, files,
// server references and missing parts are what these actions never take and what Next answers with a 500.
const PLAIN_TAG = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d{1,300}$)/;
const FORM_DATA_TAG = /^\$K[0-9a-f]+$/;
const PART_TAG = /^\$@([0-9a-f]+)$/;
// Deeper than any action's input; React decodes recursively, so thousands of levels overflow its stack.
const MAX_DEPTH = 32;

/** For a multipart body: whether a part exists, by its id (a reference's hex number, as React writes it). */
type Parts = (id: number) => boolean;

/** Parsed JSON, or the problem with it. */
function parse(json: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(json) };
  } catch {
    return { problem: 'the arguments are not JSON' };
  }
}

// An action's arguments are a list: Next spreads them into the call, and a string, number, null or object
// there is a TypeError (a 500) before the action runs.
const NOT_A_LIST = 'the arguments are not a list (a JSON array)';

function argumentsProblem(json: string, parts?: Parts, root?: 'list'): string | undefined {
  const parsed = parse(json);
  if ('problem' in parsed) return parsed.problem;
  const { value } = parsed;
  if (root === 'list' && !Array.isArray(value)) return NOT_A_LIST;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [item, depth] = pending.pop()!;
    if (depth > MAX_DEPTH) return `the arguments nest deeper than ${MAX_DEPTH} levels`;
    if (typeof item === 'string' && item.startsWith('$') && !PLAIN_TAG.test(item)) {
      const part = PART_TAG.exec(item);
      const known = parts && (FORM_DATA_TAG.test(item) || (part && parts(parseInt(part[1], 16))));
      if (!known) return 'the arguments hold a reference this console does not take';
    } else if (item && typeof item === 'object') {
      for (const child of Object.values(item)) pending.push([child, depth + 1]);
    }
  }
  return undefined;
}

/** A plain form post's action reference: { id, bound } where bound is null or a part holding a list. */
function boundProblem(json: string, form: FormData, prefix: string): string | undefined {
  const reference = (parse(json) as { value?: { bound?: unknown } }).value;
  const bound = reference && typeof reference === 'object' ? reference.bound : undefined;
  if (bound === null || bound === undefined) return undefined;
  const part = typeof bound === 'string' ? PART_TAG.exec(bound) : null;
  const text = part && form.get(`${prefix}${parseInt(part[1], 16)}`);
  if (typeof text !== 'string') return 'the arguments hold a reference this console does not take';
  const parsed = parse(text);
  return 'value' in parsed && !Array.isArray(parsed.value) ? NOT_A_LIST : undefined;
}

const isMultipart = (type: string) => /^multipart\/form-data\s*;/i.test(type);
// The parts React decodes as JSON: numbered ones (a fetch's arguments), and a plain form post's bound
// arguments ("$ACTION_1:0", "$ACTION_1:1", …); the other fields are form values, passed on as strings or files.
const ARGUMENT_PART = /^(\$ACTION_\d+:)?(\d+)$/;

/**
 * A server action request's body (Next-Action header, or a multipart POST, which Next may take for a form's
 * action): JSON arguments (text/plain) or form data whose argument parts are JSON.
 */
export async function actionBodyProblem(request: Request): Promise<BodyProblem | undefined> {
  const type = request.headers.get('content-type') ?? '';
  let problem: string | undefined;
  if (/^text\/plain\b/i.test(type)) {
    problem = argumentsProblem(await request.text(), undefined, 'list');
  } else if (isMultipart(type)) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return { status: 400, message: 'Bad request: the body is not valid multipart/form-data.' };
    }
    for (const [name, value] of form) {
      const argument = ARGUMENT_PART.exec(name);
      if (!argument || typeof value !== 'string') continue;
      const prefix = argument[1] ?? '';
      // A fetch's root part ("0") is the list of arguments; a plain form's ("$ACTION_1:0") names the action and
      // the part with its bound arguments, which is a list too.
      problem ??= argumentsProblem(value, (id) => form.has(`${prefix}${id}`), !prefix && argument[2] === '0' ? 'list' : undefined) ?? (prefix && argument[2] === '0' ? boundProblem(value, form, prefix) : undefined);
    }
  } else {
    return { status: 415, message: 'Unsupported media type: server actions take text/plain or multipart/form-data.' };
  }
  return problem ? { status: 400, message: `Bad request: ${problem}.` } : undefined;
}

export function isActionRequest(request: Request): boolean {
  return request.method === 'POST' && (request.headers.has('next-action') || isMultipart(request.headers.get('content-type') ?? ''));
}
