import http from 'node:http';
import net from 'node:net';
import { RequestHandler } from 'express';

export interface ShutdownSettings {
  /** How long in-flight requests may take to finish once the listener is closed (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** How long /ready answers 503 before the listener closes, so a load balancer stops routing here (SHUTDOWN_DELAY_MS). */
  delayMs: number;
}

/**
 * After the last request finishes, open connections get this long to close on their own: responses
 * during the drain say `Connection: close`, and a connection accepted while the event loop was busy
 * may still carry a request not yet parsed.
 */
const LINGER_MS = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drains an HTTP server without dropping a request it accepted (issue 20): it counts requests in
 * flight and open sockets itself, because http.Server#close (Node ≥ 19) also resets idle
 * connections — including one whose request is already on its way.
 */
export class HttpDrain {
  private inFlight = 0;
  private readonly sockets = new Set<net.Socket>();
  /** Set at the first step of shutdown: /ready answers 503 and responses ask for `Connection: close`. */
  draining = false;

  constructor(private readonly server: http.Server) {
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /** Express middleware, first in the chain: counts the request until its response ends. */
  readonly track: RequestHandler = (_req, res, next) => {
    this.inFlight += 1;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
    };
    res.once('finish', end);
    res.once('close', end);
    // A client must not reuse a connection that is about to be closed.
    if (this.draining) res.setHeader('Connection', 'close');
    next();
  };

  /** Not ready → (delay) → stop accepting → wait for in-flight requests (bounded by the grace) → close what is left. */
  async drain(settings: ShutdownSettings): Promise<void> {
    this.draining = true;
    if (settings.delayMs > 0) await sleep(settings.delayMs);
    // net.Server#close stops accepting and leaves open connections alone (see the class comment).
    net.Server.prototype.close.call(this.server);
    const deadline = Date.now() + settings.graceMs;
    while (this.inFlight > 0 && Date.now() < deadline) await sleep(10);
    const linger = Math.min(deadline, Date.now() + LINGER_MS);
    while (this.sockets.size > 0 && this.inFlight === 0 && Date.now() < linger) await sleep(10);
    this.server.closeAllConnections();
  }
}
