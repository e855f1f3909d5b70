// The EC2 query dialect: `Name.N` lists and capitalized parameter names in, `<item>` lists and
// lower-camel locationNames out, `<Response><Errors>` errors.
import { AwsError } from '../errors.js';
import type { ShapeRef } from '../types.js';
import { escapeXml, wireError, type ProtocolCodec, type WireResponse } from './common.js';
import { queryCodec, queryParams, QueryReader, XmlWriter, type QueryDialect } from './query.js';

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

const EC2_DIALECT: QueryDialect = {
  paramName: (ref: ShapeRef, memberName: string) => ref.queryName ?? capitalize(ref.locationName ?? memberName),
  flatLists: true,
  listItem: 'item',
};

// The SDK and AWS both use the namespace with a trailing slash; botocore's metadata omits it.
const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

function xmlResponse(status: number, body: string): WireResponse {
  return { status, headers: { 'content-type': 'text/xml;charset=UTF-8' }, body };
}

export const ec2Codec: ProtocolCodec = {
  resolve: queryCodec.resolve,
  requestedName: queryCodec.requestedName,
  unknownOperation(request) {
    const action = queryParams(request).get('Action');
    return action
      ? new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`)
      : new AwsError('MissingAction', 'The request must contain the parameter Action.');
  },
  parseInput(model, { operation }, request) {
    return new QueryReader(model, EC2_DIALECT).input(operation, queryParams(request));
  },
  serializeOutput(model, operation, output, requestId) {
    const writer = new XmlWriter(model, EC2_DIALECT);
    const name = operation.name;
    writer.out.push(`<${name}Response xmlns="${EC2_NAMESPACE}"><requestId>${requestId}</requestId>`);
    if (operation.output && output && typeof output === 'object') {
      writer.members(model.shapes[operation.output.shape], output as Record<string, unknown>);
    }
    writer.out.push(`</${name}Response>`);
    return xmlResponse(200, writer.out.join(''));
  },
  serializeError(model, error, requestId) {
    const { code, status } = wireError(model, error);
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
    return xmlResponse(status, body);
  },
};
