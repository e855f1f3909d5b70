// Extracts the botocore service models the sandbox speaks into sandbox/models/<signingName>.json,
// so the runtime never needs botocore. Run with `npm run models:extract` after editing
// sandbox/models/ec2-operations.txt (EC2's full model is ~4 MB; only the listed operations are kept).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const SERVICES = ['iam', 'sts', 'organizations', 'ram', 'route53resolver', 'license-manager', 'acm-pca', 'ec2'];
const STRIPPED = new Set(['documentation', 'documentationUrl', 'examples']);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const modelsDir = path.join(root, 'sandbox', 'models');

function botocoreDir(): string {
  return execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], {
    encoding: 'utf8',
  }).trim();
}

/** A botocore service model, as JSON.parse reads it (operations, shapes, metadata). */
type BotocoreModel = ReturnType<typeof JSON.parse>;

function latestModel(dataDir: string, service: string): BotocoreModel {
  const versions = readdirSync(path.join(dataDir, service)).sort();
  const file = path.join(dataDir, service, versions[versions.length - 1], 'service-2.json.gz');
  return JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (!STRIPPED.has(key)) out[key] = strip(child);
  return out;
}

/** Keeps only `names` and every shape they reach. */
function subset(model: BotocoreModel, names: string[]): BotocoreModel {
  const operations: Record<string, unknown> = {};
  const shapes: Record<string, unknown> = {};
  const visit = (name: string) => {
    if (shapes[name]) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`unknown shape ${name}`);
    shapes[name] = shape;
    for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) {
      if (ref) visit((ref as { shape: string }).shape);
    }
  };
  for (const name of names) {
    const operation = model.operations[name];
    if (!operation) throw new Error(`ec2-operations.txt: unknown EC2 operation ${name}`);
    operations[name] = operation;
    for (const ref of [operation.input, operation.output, ...(operation.errors ?? [])]) if (ref) visit(ref.shape);
  }
  return { ...model, operations, shapes };
}

const dataDir = path.join(botocoreDir(), 'data');
for (const service of SERVICES) {
  let model = latestModel(dataDir, service);
  if (service === 'ec2') {
    const names = readFileSync(path.join(modelsDir, 'ec2-operations.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    model = subset(model, [...new Set(names)]);
  }
  const signingName: string = model.metadata.signingName ?? model.metadata.endpointPrefix;
  const file = path.join(modelsDir, `${signingName}.json`);
  writeFileSync(file, JSON.stringify(strip(model)));
  console.log(`${path.relative(root, file)}: ${Object.keys(model.operations).length} operations`);
}
