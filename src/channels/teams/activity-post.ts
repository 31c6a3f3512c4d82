import {
  createHttpHeaders,
  createPipelineRequest,
  RestError,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { Activity, ResourceResponse } from 'botbuilder';

/** A core-rest-pipeline pipeline, as the connector client's inner client holds one. */
interface Pipeline {
  sendRequest(httpClient: unknown, request: PipelineRequest): Promise<PipelineResponse>;
  clone(): Pipeline;
  removePolicy(options: { name: string }): unknown;
}

/** What a Bot Connector client holds beyond its public API: its base URL and inner client. */
interface ConnectorInternals {
  baseUri?: unknown;
  client?: { pipeline?: Partial<Pipeline>; _httpClient?: unknown };
}

/** A connector client's pipeline: its credentials, user agent and (unless once) retries. */
export interface ActivityPoster {
  serviceUrl: string;
  send(request: PipelineRequest): Promise<PipelineResponse>;
}

/** Each kept client's pipeline without its retry policy, made once (see single-try.ts). */
const singleTryPipelines = new WeakMap<object, Pipeline>();

/**
 * The pipeline inside a turn's Bot Connector client, or undefined where botbuilder no longer
 * keeps it there (then the client's own operations are used, as before). With `once`, a copy
 * of it without the retry policy: the client is shared, and left as it is.
 */
export function posterOf(connector: unknown, once = false): ActivityPoster | undefined {
  const { baseUri, client } = (connector ?? {}) as ConnectorInternals;
  const pipeline = client?.pipeline;
  if (
    typeof baseUri !== 'string' ||
    !client?._httpClient ||
    typeof pipeline?.sendRequest !== 'function' ||
    typeof pipeline.clone !== 'function'
  )
    return undefined;
  const full = pipeline as Pipeline;
  let chosen = full;
  if (once) {
    let single = singleTryPipelines.get(full);
    if (!single) {
      single = full.clone();
      single.removePolicy({ name: 'defaultRetryPolicy' });
      singleTryPipelines.set(full, single);
    }
    chosen = single;
  }
  const httpClient = client._httpClient;
  return { serviceUrl: baseUri, send: (request) => chosen.sendRequest(httpClient, request) };
}

/**
 * Sends one activity as the connector client's sendToConversation or replyToActivity would
 * (the same URL, body, credentials and retries), with the body written by JSON.stringify.
 * The client's own operations first copy the whole activity, cards included, through
 * Bot Framework's type descriptions: under 200 people asking at once that copy made a fifth of
 * what the bot allocated, for a body JSON.stringify writes the same (dates as ISO strings).
 * A refusal throws the RestError the client would have thrown: `statusCode`, and the response
 * whose Retry-After the outbox honours.
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#send-to-conversation
 */
export async function postActivity(
  poster: ActivityPoster,
  activity: Partial<Activity> & { conversation: { id: string } },
): Promise<ResourceResponse> {
  const conversation = encodeURIComponent(activity.conversation.id);
  const reply = activity.replyToId ? `/${encodeURIComponent(activity.replyToId)}` : '';
  const url = `${poster.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${conversation}/activities${reply}`;
  const request = createPipelineRequest({
    url,
    method: 'POST',
    body: JSON.stringify(activity),
    headers: createHttpHeaders({
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
    }),
    allowInsecureConnection: url.startsWith('http:'),
  });
  const response = await poster.send(request);
  if (response.status < 200 || response.status >= 300) {
    throw new RestError(refusalMessage(response), {
      statusCode: response.status,
      request,
      response,
    });
  }
  return { id: idIn(response.bodyAsText) ?? activity.id ?? '' };
}

/** The Bot Connector's own error text where its body has one (`{ error: { message } }`). */
function refusalMessage(response: PipelineResponse): string {
  try {
    const body = JSON.parse(response.bodyAsText ?? '') as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not JSON: the status says enough
  }
  return `the Bot Connector answered ${response.status}`;
}

function idIn(body: string | undefined | null): string | undefined {
  if (!body) return undefined;
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === 'string' ? parsed.id : undefined;
  } catch {
    return undefined;
  }
}
