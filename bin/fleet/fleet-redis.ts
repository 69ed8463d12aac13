/**
 * The fleet's Redis: the URL (validated), and a connection that fails fast. ioredis reconnects forever by
 * default and queues commands meanwhile, so a Redis that is not there would hang a command; here the first
 * connection must answer a PING within `connectTimeoutMs`, and a connection lost later gives up after a bounded
 * number of reconnection attempts (the commands waiting on it then fail and the command ends with one line).
 */
import { Redis } from 'ioredis';
import { BadInputError } from '../exit-codes.ts';

const urlCharsMax = 2_048;

/** Time the first connection and its PING may take before the Redis counts as unreachable. */
const connectTimeoutMsDefault = 3_000;

/** How long one reconnection waits at most, and how many a connection tries once it was up and then lost. */
const reconnectDelayMsMax = 2_000;

export interface RedisConnectOptions {
  readonly connectTimeoutMs?: number;
  /** Reconnection attempts after a lost connection: few for a short command, more for a long-running worker. */
  readonly reconnectAttemptsMax: number;
}

/** The `--redis` URL, checked: redis:// or rediss:// (TLS), a host, a port in range, nothing else. */
export function parseRedisUrl(text: string | undefined): string {
  if (text === undefined || text === '')
    throw new BadInputError('--redis URL is required (redis://host:port)');
  if (text.length > urlCharsMax)
    throw new BadInputError(`--redis URL is longer than ${urlCharsMax} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadInputError(`--redis must be a URL like redis://127.0.0.1:6379, got "${text}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new BadInputError(`--redis must be a redis:// or rediss:// URL, got "${url.protocol}//…"`);
  if (url.hostname === '') throw new BadInputError('--redis URL names no host');
  if (url.search !== '' || url.hash !== '')
    throw new BadInputError(
      '--redis URL takes no query or fragment (redis://[user:password@]host:port[/db])',
    );
  if (!/^(\/\d{0,2})?$/.test(url.pathname))
    throw new BadInputError(`--redis URL's path must be a database number, got "${url.pathname}"`);
  return text;
}

/** The URL without its password, for messages. */
export function redactedUrl(text: string): string {
  const url = new URL(text);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A connected client (PING answered) whose commands wait for a reconnection rather than fail at once (BullMQ's
 * workers need `maxRetriesPerRequest: null`), but only for a bounded number of attempts. An unreachable Redis
 * is bad input (exit 2) with one line naming the URL and the reason, within `connectTimeoutMs`.
 */
export async function connectRedis(urlText: string, options: RedisConnectOptions): Promise<Redis> {
  const connectTimeoutMs = options.connectTimeoutMs ?? connectTimeoutMsDefault;
  let lastError: string | undefined;
  const client = new Redis(urlText, {
    lazyConnect: true,
    connectTimeout: connectTimeoutMs,
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) =>
      attempt > options.reconnectAttemptsMax ? null : Math.min(attempt * 250, reconnectDelayMsMax),
  });
  // Errors surface through the commands that wait on them; the event only keeps the reason for the message.
  client.on('error', (error: unknown) => {
    lastError = messageOf(error);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${connectTimeoutMs} ms`)), connectTimeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return client;
  } catch (error) {
    client.disconnect();
    const reason = lastError ?? messageOf(error);
    throw new BadInputError(`cannot reach Redis at ${redactedUrl(urlText)}: ${reason}`, {
      code: 'bad-input',
    });
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a client politely, or drops it when Redis is gone (QUIT would wait for an answer). */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
