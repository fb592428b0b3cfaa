/** A Worker stand-in over a MessagePort: messages go through the port, errors can be raised by hand. */
import type { WorkerLike } from '../../src/worker/client';

export interface PortWorker {
  readonly worker: WorkerLike;
  /** Fires the Worker's `error` (or `messageerror`) event, as a crashed worker would. */
  crash(type?: 'error' | 'messageerror', message?: string): void;
  readonly terminated: () => boolean;
}

export function createPortWorker(port: MessagePort): PortWorker {
  const failures = new EventTarget();
  let terminated = false;
  const target = (type: string): EventTarget => (type === 'message' ? port : failures);
  const worker: WorkerLike = {
    postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer ?? []),
    addEventListener: (type, listener) => target(type).addEventListener(type, listener),
    removeEventListener: (type, listener) => target(type).removeEventListener(type, listener),
    start: () => port.start(),
    terminate: () => {
      terminated = true;
      port.close();
    },
  };
  return {
    worker,
    crash(type = 'error', message = '') {
      const event = new Event(type);
      if (message) Object.defineProperty(event, 'message', { value: message });
      failures.dispatchEvent(event);
    },
    terminated: () => terminated,
  };
}
