// The codec for each botocore protocol name.
import type { Protocol } from '../types.js';
import type { ProtocolCodec } from './common.js';
import { ec2Codec } from './ec2.js';
import { jsonCodec } from './json.js';
import { queryCodec } from './query.js';
import { restJsonCodec } from './rest-json.js';

export const codecs: Record<Protocol, ProtocolCodec> = {
  query: queryCodec,
  ec2: ec2Codec,
  json: jsonCodec,
  'rest-json': restJsonCodec,
};
