import { EventEmitter } from 'node:events';
import type { DataSource, EntityManager } from 'typeorm';
import { afterCommit } from './after-commit';
import { serializeError } from './logger';

/**
 * What changed, said after the transaction that changed it has committed. An event names the thing,
 * never its content: the socket layer reads the content again for each receiving seat through that
 * seat's projection, so nothing personal travels in an event and nothing is sent that a seat may not see.
 */
export type LiveEvent =
  /** `byUserId`: who changed it, so that another seat's page can say so (if that seat may know who works on the case). */
  | { kind: 'case'; caseId: string; byUserId?: string }
  | { kind: 'table'; tableId: string; byUserId?: string }
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
      // A listener that fails must not turn a committed change into an error for the one who made it.
      publish: (event) => {
        for (const listener of emitter.listeners('event')) {
          try {
            (listener as (event: LiveEvent) => void)(event);
          } catch (error) {
            console.error('live: a listener failed', JSON.stringify(serializeError(error)));
          }
        }
      },
      subscribe: (listener) => {
        emitter.on('event', listener);
        return () => {
          emitter.off('event', listener);
        };
      },
    };
    busByDataSource.set(dataSource, bus);
  }
  return bus;
}

/**
 * Says what changed from inside a transaction, where the change is made; the event goes out only
 * when the outermost transaction commits, and never if it rolls back. A use case that moves a case
 * through several steps (a decision moves it twice) sends one event.
 */
export function publishAfterCommit(tx: EntityManager, event: LiveEvent): void {
  const bus = liveEventsOf(tx.dataSource);
  afterCommit(tx, () => bus.publish(event), { once: JSON.stringify(event) });
}
