/**
 * Walk workers on MessageChannels for the client tests: one served by the real walk API, one that
 * takes messages and never answers. Every port and client a test makes is closed after it.
 */
import { expose } from 'comlink';
import { afterEach } from 'vitest';
import type { WalkClient } from '../../src/worker/client';
import { createWalkApi } from '../../src/worker/walk-api';
import { createPortWorker, type PortWorker } from './port-worker';

/** Call at the top of a test file: registers the clean-up and returns the worker makers. */
export function useWalkWorkers() {
  const open: MessagePort[] = [];
  const clients: WalkClient[] = [];

  afterEach(() => {
    for (const client of clients.splice(0)) client.dispose();
    for (const port of open.splice(0)) port.close();
  });

  const channel = (): MessageChannel => {
    const ports = new MessageChannel();
    open.push(ports.port1, ports.port2);
    return ports;
  };

  return {
    /** A worker served by the real API on the far end of a MessageChannel. */
    servedWorker(): PortWorker {
      const { port1, port2 } = channel();
      expose(createWalkApi(), port2);
      return createPortWorker(port1);
    },
    /** A worker nobody serves: its calls stay pending until it dies, and it raises nothing. */
    silentWorker(): PortWorker {
      return createPortWorker(channel().port1);
    },
    /** Disposes the client after the test. */
    track(client: WalkClient): WalkClient {
      clients.push(client);
      return client;
    },
  };
}
