/**
 * Gateways in miniature over the real `ws` package, for the client's network tests: channel.subscribe
 * (replay after an offset, then live), channel.unsubscribe, channel.publish and system.ping, with the
 * channel log shared by every gateway of one MiniCluster the way txrx gateways share a Redis stream.
 */
export class MiniCluster {
    /** @param {any} ws the `ws` module */
    constructor(ws) {
        this.ws = ws;
        /** @type {Map<string, Array<{offset: string, data: any}>>} */
        this.log = new Map();
        this.sequence = 0;
        /** @type {Set<MiniGateway>} */
        this.gateways = new Set();
    }

    async start() {
        const gateway = new MiniGateway(this);
        await gateway.listen();
        this.gateways.add(gateway);
        return gateway;
    }

    publish(channel, data) {
        const offset = `${Date.now()}-${this.sequence++}`;
        if (!this.log.has(channel)) {
            this.log.set(channel, []);
        }
        this.log.get(channel).push({ offset, data });
        for (const gateway of this.gateways) {
            gateway.fanOut(channel, offset, data);
        }
        return offset;
    }

    after(channel, offset) {
        const entries = this.log.get(channel) ?? [];
        if (offset === '$') {
            return [];
        }
        const [ms, seq] = offset.split('-').map(Number);
        return entries.filter((e) => {
            const [ems, eseq] = e.offset.split('-').map(Number);
            return ems > ms || (ems === ms && eseq > (seq ?? 0));
        });
    }

    lastOffset(channel) {
        return this.log.get(channel)?.at(-1)?.offset ?? '0-0';
    }

    async close() {
        for (const gateway of this.gateways) {
            await gateway.kill();
        }
    }
}

class MiniGateway {
    constructor(cluster) {
        this.cluster = cluster;
        /** @type {Map<any, Set<string>>} socket → channels */
        this.subscribers = new Map();
    }

    listen() {
        return new Promise((resolve) => {
            this.server = new this.cluster.ws.WebSocketServer({ host: '127.0.0.1', port: 0 }, resolve);
            this.server.on('connection', (socket) => {
                this.subscribers.set(socket, new Set());
                socket.on('message', (data) => this.receive(socket, JSON.parse(String(data))));
                socket.on('close', () => this.subscribers.delete(socket));
            });
        });
    }

    get url() {
        return `ws://127.0.0.1:${this.server.address().port}/gateway/ws`;
    }

    receive(socket, call) {
        const { id, method, params } = call;
        const reply = (result) => socket.send(JSON.stringify({ jsonrpc: '2.0', id, result }));
        switch (method) {
            case 'system.ping':
                return reply('pong');
            case 'channel.subscribe': {
                const from = params.offset ?? '$';
                const after = from === '$' ? this.cluster.lastOffset(params.channel) : from;
                for (const entry of this.cluster.after(params.channel, after)) {
                    this.push(socket, params.channel, entry.offset, entry.data);
                }
                this.subscribers.get(socket).add(params.channel);
                return reply({ channel: params.channel, offset: after, truncated: false });
            }
            case 'channel.unsubscribe':
                this.subscribers.get(socket).delete(params.channel);
                return reply({ channel: params.channel });
            case 'channel.publish':
                return reply({ offset: this.cluster.publish(params.channel, params.data) });
            default:
                return socket.send(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } }));
        }
    }

    fanOut(channel, offset, data) {
        for (const [socket, channels] of this.subscribers) {
            if (channels.has(channel)) {
                this.push(socket, channel, offset, data);
            }
        }
    }

    push(socket, channel, offset, data) {
        socket.send(JSON.stringify({ jsonrpc: '2.0', method: 'channel.message', params: { channel, offset, data } }));
    }

    /** Like SIGKILL: every socket cut without a close frame, the port closed. */
    kill() {
        this.cluster.gateways.delete(this);
        for (const socket of this.server.clients) {
            socket.terminate();
        }
        return new Promise((resolve) => this.server.close(resolve));
    }
}
