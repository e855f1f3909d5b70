// One AWS request through the sandbox: signature → service and operation → injected faults →
// throttling → input → authorization (the runtime's authorizer) → handler → output, every failure
// in the service's wire format.
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { AwsError, isAwsError } from './errors.js';
import { codecs } from './protocols/index.js';
import { SerdeError, type WireRequest, type WireResponse } from './protocols/common.js';
import type { Runtime } from './runtime.js';
import { checkRequired } from './validate.js';
import { missingAuthentication, parseAuthorization, verifySignature } from './sigv4.js';
import type { AuthorizeOptions, Protocol, RequestContext, ServiceModel } from './types.js';

// Operations that never change the world, so they need no state-file save.
const READ_ONLY = /^(Get|List|Describe|Search)(?!.*Token$)/;

/** Which protocol a request looks like, for errors when no registered service claims it. */
function guessProtocol(request: WireRequest): Protocol {
  if (request.headers['x-amz-target']) return 'json';
  if ((request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') || request.query.has('Action')) return 'query';
  return 'rest-json';
}

function bareModel(protocol: Protocol): ServiceModel {
  return { metadata: { apiVersion: '', endpointPrefix: '', protocol }, operations: {}, shapes: {} };
}

/** Input that does not fit its shape (a word where a number goes, broken JSON). */
function malformedInput(protocol: Protocol, message: string): AwsError {
  switch (protocol) {
    case 'query':
      return new AwsError('ValidationError', message);
    case 'ec2':
      return new AwsError('InvalidParameterValue', message);
    default:
      return new AwsError('SerializationException', message);
  }
}

/** A denial (AWS's sentence from the runtime's authorizer) in the family of names the protocol uses. */
function accessDenied(protocol: Protocol, message: string): AwsError {
  switch (protocol) {
    case 'query':
      return new AwsError('AccessDenied', message, { status: 403 });
    case 'ec2':
      return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${message}`, { status: 403 });
    case 'json':
      // A modeled AccessDeniedException keeps the model's status (400 unless it says otherwise).
      return new AwsError('AccessDeniedException', message);
    case 'rest-json':
      return new AwsError('AccessDeniedException', message, { status: 403 });
  }
}

function internalFailure(error: unknown): AwsError {
  console.error('sandbox: internal error', error);
  return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', { status: 500, sender: false });
}

export async function dispatch(runtime: Runtime, request: WireRequest): Promise<WireResponse> {
  const requestId = randomUUID();
  const auth = parseAuthorization(request.headers.authorization);
  const service = auth ? runtime.services.get(auth.service) : undefined;
  if (!auth || !service) {
    const protocol = guessProtocol(request);
    const error = !auth
      ? missingAuthentication(protocol)
      : protocol === 'json' || protocol === 'rest-json'
        ? new AwsError('UnknownOperationException', `The sandbox does not implement the service ${auth.service}.`, { status: 404 })
        : new AwsError('InvalidAction', `The sandbox does not implement the service ${auth.service}.`);
    return codecs[protocol].serializeError(bareModel(protocol), error, requestId);
  }

  const { model } = service;
  const protocol = model.metadata.protocol;
  const codec = codecs[protocol];
  try {
    const credential = verifySignature(runtime.world, request, auth, protocol);
    const resolved = codec.resolve(model, request);
    const spec = resolved && service.operations[resolved.operation.name];
    if (!resolved || !spec) throw codec.unknownOperation(request);
    const operation = resolved.operation.name;

    const fault = runtime.faults.check(service, operation);
    if (fault?.delayMs) await sleep(fault.delayMs);
    fault?.raise();
    runtime.throttler.take(service, credential.identity.accountId);

    let input: Record<string, unknown>;
    try {
      input = codec.parseInput(model, resolved, request);
    } catch (error) {
      if (error instanceof SerdeError) throw malformedInput(protocol, error.message);
      throw error;
    }
    checkRequired(service, operation, input);

    const world = runtime.world;
    const caller = credential.identity;
    const ctx: RequestContext = {
      world,
      requestId,
      region: auth.region,
      service: auth.service,
      operation,
      caller,
      credential,
      authorize: async (action: string, resource: string, options: AuthorizeOptions = {}) => {
        const denial = await runtime.authorize?.(world, { ...options, caller, action, resource, region: auth.region });
        if (denial !== undefined) throw accessDenied(protocol, denial);
      },
    };
    const action = spec.action === undefined ? `${service.iamPrefix}:${operation}` : spec.action;
    if (runtime.authorize && action !== null) {
      const resources = spec.resource?.(ctx, input) ?? '*';
      for (const resource of Array.isArray(resources) ? resources : [resources]) await ctx.authorize(action, resource);
    }

    if (!READ_ONLY.test(operation)) runtime.changed();
    const output = await spec.handler(ctx, input);
    runtime.observe?.({ service, operation, output });
    return codec.serializeOutput(model, resolved.operation, output, requestId);
  } catch (error) {
    return codec.serializeError(model, isAwsError(error) ? error : internalFailure(error), requestId);
  }
}

