// The one place where Crossing writes shell (POSIX sh and bash) for a user to copy and run: words, comments and
// AWS CLI commands. Every value from data reaches AWS byte for byte and runs nothing: operation inputs go in one
// --cli-input-json document (the AWS CLI takes its values literally: no file:// or http(s):// loading, no
// shorthand parsing, no value read as an option), the document is one single-quoted word, and text from data in
// a comment has its control characters written as escapes so it cannot end the comment.
import { isStepOutputRef } from './build';

/** Characters that could end a line or reorder what a terminal shows: C0/C1 controls, line separators, bidi controls. */
const UNSAFE_IN_TEXT = /[\p{Cc}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const escapeChar = (c: string) =>
  ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/** Text from data made safe for a one-line comment (#) in shell, YAML or HCL: a backslash and controls written as escapes. */
export function commentText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(UNSAFE_IN_TEXT, escapeChar);
}

/** A comment line. */
export const shellComment = (text: string) => `# ${commentText(text)}`;

/** One shell word holding exactly `value`; plain words stay bare where no shell reads anything into them. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_.:/=@,+%][A-Za-z0-9_\-.:/=@,+%]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `--name value`, where value can never be read as another option (`--name=value` when it starts with "-"). */
export function shellOption(name: string, value: string): string {
  return value.startsWith('-') ? `--${name}=${shellWord(value)}` : `--${name} ${shellWord(value)}`;
}

/**
 * JSON whose text is printable ASCII only: every other character (controls, line separators, bidi controls,
 * any non-ASCII) is a \u escape, so the document reads the same in every terminal and locale and decodes to
 * exactly the same value.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The shell variable a captured output is kept in: a JSON string literal, as `--output json` prints it. */
const variable = (name: string) => {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`Not a shell variable name: ${name}`);
  return name;
};

/**
 * The --cli-input-json word for an operation's input. A value from an earlier step ({ $ref }) is spliced in from
 * its shell variable, which holds the JSON literal `--output json` printed, so it too arrives exactly.
 */
export function cliInputJson(input: Record<string, unknown>): string {
  const pieces: string[] = [];
  let json = '';
  const write = (value: unknown, indent: string): void => {
    if (isStepOutputRef(value)) {
      pieces.push(`'${json.replace(/'/g, `'\\''`)}'`, `"$${variable(value.$ref.as)}"`);
      json = '';
    } else if (Array.isArray(value)) {
      if (!value.length) json += '[]';
      else {
        json += '[';
        value.forEach((v, i) => {
          json += `${i ? ',' : ''}\n${indent}  `;
          write(v, `${indent}  `);
        });
        json += `\n${indent}]`;
      }
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      if (!entries.length) json += '{}';
      else {
        json += '{';
        entries.forEach(([k, v], i) => {
          json += `${i ? ',' : ''}\n${indent}  ${asciiJson(k)}: `;
          write(v, `${indent}  `);
        });
        json += `\n${indent}}`;
      }
    } else json += asciiJson(value ?? null);
  };
  write(input, '');
  pieces.push(`'${json.replace(/'/g, `'\\''`)}'`);
  return pieces.filter((p) => p !== "''").join('');
}

export interface AwsCommand {
  /** 'ram', 'sts' */
  service: string;
  /** The CLI's operation name: 'create-resource-share'. */
  operation: string;
  input: Record<string, unknown>;
  /** Global options in order: [['region', 'us-east-1'], ['profile', 'acct-1…']]. */
  options?: [string, string][];
  /** Text appended as is, written by Crossing (never data): '--token-code CODE_FROM_YOUR_MFA_DEVICE'. */
  trailer?: string;
}

/** One AWS CLI command; the input, whatever it holds, only ever inside --cli-input-json. */
export function awsCommand(command: AwsCommand): string {
  return [
    'aws',
    shellWord(command.service),
    shellWord(command.operation),
    ...(Object.keys(command.input).length ? [`--cli-input-json ${cliInputJson(command.input)}`] : []),
    ...(command.options ?? []).map(([name, value]) => shellOption(name, value)),
    ...(command.trailer ? [command.trailer] : []),
  ].join(' ');
}
