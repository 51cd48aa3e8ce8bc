import { io, type Socket } from 'socket.io-client';
import { liveAckSchema, type LiveAck } from '@uitstroom/shared';
import { demoPassword } from './test-app';

/**
 * A real socket.io client for the live layer, as a page would hold it (WebSocket, the session
 * cookie), that keeps everything it receives: tests read the raw payloads, not a helper's summary.
 */
export interface LiveClient {
  socket: Socket;
  received: { event: string; args: unknown[] }[];
  /** Everything received so far, as JSON: what a leak test searches. */
  raw(): string;
  /** The next event of this name (after this call) that matches; fails after the timeout. */
  next<T = any>(event: string, match?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Resolves when the server closes this socket. */
  disconnected(timeoutMs?: number): Promise<string>;
  ask(event: string, payload: unknown): Promise<LiveAck>;
  close(): void;
}

/** Signs in over HTTP and returns the session cookie (`uitstroom.sid=…`). */
export async function signInCookie(
  baseUrl: string,
  email: string,
  password = demoPassword,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('uitstroom.sid='));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** Connects; rejects with the server's refusal (its `data` is the one error shape). */
export function connectLive(
  baseUrl: string,
  options: { cookie?: string; origin?: string } = {},
): Promise<LiveClient> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.Cookie = options.cookie;
  if (options.origin) headers.Origin = options.origin;
  const socket = io(baseUrl, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  const received: LiveClient['received'] = [];
  const listeners = new Set<(event: string, args: unknown[]) => void>();
  socket.onAny((event: string, ...args: unknown[]) => {
    received.push({ event, args });
    for (const listener of listeners) listener(event, args);
  });
  const client: LiveClient = {
    socket,
    received,
    raw: () => JSON.stringify(received),
    next(event, match = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no ${event} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (name: string, args: unknown[]) => {
          if (name !== event || !match(args[0] as never)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(args[0] as never);
        };
        listeners.add(listener);
      });
    },
    disconnected(timeoutMs = 10_000) {
      if (!socket.connected) return Promise.resolve('already');
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`still connected after ${timeoutMs} ms`)),
          timeoutMs,
        );
        socket.once('disconnect', (reason) => {
          clearTimeout(timer);
          resolve(reason);
        });
      });
    },
    async ask(event, payload) {
      return liveAckSchema.parse(await socket.timeout(5000).emitWithAck(event, payload));
    },
    close: () => {
      socket.disconnect();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

/** Waits so long for something that must not come; a test that expects silence says how long it listened. */
export const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
