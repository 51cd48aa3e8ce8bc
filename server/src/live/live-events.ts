import { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';

/**
 * What changed, said after the transaction that changed it has committed. An event names the thing,
 * never its content: the socket layer reads the content again for each receiving seat through that
 * seat's projection, so nothing personal travels in an event and nothing is sent that a seat may not see.
 */
export type LiveEvent =
  | { kind: 'case'; caseId: string }
  | { kind: 'table'; tableId: string }
  | { kind: 'notifications'; userId: string }
  /** A session ended (sign-out) or a user was deactivated: their sockets close at once. */
  | { kind: 'sessionEnded'; sessionId: string }
  | { kind: 'userDeactivated'; userId: string };

export interface LiveEvents {
  /** Call after commit. Delivery to sockets (on this node and, through the adapter, on others) is the socket layer's job. */
  publish(event: LiveEvent): void;
  subscribe(listener: (event: LiveEvent) => void): () => void;
}

const busByDataSource = new WeakMap<DataSource, LiveEvents>();

/**
 * One bus per data source (so per app in a test process), found the same way as the pg pool: services
 * that already hold the data source need no extra parameter to say what changed.
 */
export function liveEventsOf(dataSource: DataSource): LiveEvents {
  let bus = busByDataSource.get(dataSource);
  if (!bus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    bus = {
      publish: (event) => { emitter.emit('event', event); },
      subscribe: (listener) => {
        emitter.on('event', listener);
        return () => { emitter.off('event', listener); };
      },
    };
    busByDataSource.set(dataSource, bus);
  }
  return bus;
}
