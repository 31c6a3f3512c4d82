import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';

/** A message the bot sent on the socket: an acknowledgement, `{envelope_id, payload}`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Stands in for Slack's Socket Mode endpoint on loopback: each connection the bot opens (at the
 * URL apps.connections.open gave it) is kept in order, and the test speaks Slack's side of the
 * protocol on it: `hello`, envelopes, `disconnect`. Everything is awaited, nothing slept on.
 * https://api.slack.com/apis/connections/socket-implement
 */
export class SlackSocketStandIn {
  private readonly server: WebSocket.Server;
  private readonly sockets: WebSocket[] = [];
  private readonly socketWaiters: Array<() => void> = [];
  readonly acks: SocketAck[] = [];
  private readonly ackWaiters: Array<() => void> = [];
  readonly closed: WebSocket[] = [];

  private constructor(server: WebSocket.Server) {
    this.server = server;
    server.on('connection', (socket) => {
      this.sockets.push(socket);
      socket.on('message', (data) => {
        this.acks.push(JSON.parse(String(data)) as SocketAck);
        this.wake(this.ackWaiters);
      });
      socket.on('close', () => {
        this.closed.push(socket);
        this.wake(this.socketWaiters);
      });
      this.wake(this.socketWaiters);
    });
  }

  static start(): Promise<SlackSocketStandIn> {
    return new Promise((resolve, reject) => {
      const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
      server.once('error', reject);
      server.once('listening', () => resolve(new SlackSocketStandIn(server)));
    });
  }

  /** What apps.connections.open answers: a fresh-looking ticket URL on this server. */
  url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/link/?ticket=stand-in-${this.sockets.length + 1}&app_id=A0SCRUTINY`;
  }

  get connectionCount(): number {
    return this.sockets.length;
  }

  /** The n-th connection the bot opened (from 0), once it is open. */
  async connection(n: number): Promise<WebSocket> {
    await this.until(() => this.sockets.length > n, this.socketWaiters);
    return this.sockets[n] as WebSocket;
  }

  /** Resolves once `socket` has been closed (by either side). */
  async closing(socket: WebSocket): Promise<void> {
    await this.until(() => this.closed.includes(socket), this.socketWaiters);
  }

  /** Slack's greeting, after which the client counts itself connected. */
  hello(socket: WebSocket): void {
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-stand-in', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0SCRUTINY' },
      }),
    );
  }

  /** Slack asking the app to reconnect, as it does before recycling a connection. */
  disconnect(socket: WebSocket, reason = 'refresh_requested'): void {
    socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'stand-in' } }));
  }

  /** Sends an envelope and resolves with its acknowledgement (the first one after sending). */
  async deliver(
    socket: WebSocket,
    envelope: { envelope_id: string } & Record<string, unknown>,
  ): Promise<SocketAck> {
    const since = this.acks.length;
    socket.send(JSON.stringify(envelope));
    const match = (ack: SocketAck) => ack.envelope_id === envelope.envelope_id;
    await this.until(() => this.acks.slice(since).some(match), this.ackWaiters);
    return this.acks.slice(since).find(match) as SocketAck;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async until(done: () => boolean, waiters: Array<() => void>): Promise<void> {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  }

  private wake(waiters: Array<() => void>): void {
    for (const wake of waiters.splice(0)) wake();
  }
}
