// Opens N idle WebSocket connections to a txrx gateway and holds them, to measure what an idle socket costs
// the gateway (heap after a full GC and RSS, read with jcmd/ps while this holds them; see the README).
// Each socket makes one system.ping first, so it is a working socket and not only a handshake.
// usage: node --experimental-websocket idle-sockets.mjs --url ws://127.0.0.1:8080/gateway/ws --sockets 10000 --hold 60
const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const url = args.url ?? 'ws://127.0.0.1:8080/gateway/ws';
const total = Math.min(Number(args.sockets ?? 10000), 20000);
const holdSeconds = Math.min(Number(args.hold ?? 60), 600);
const parallel = 100;

function openOne(n) {
    return new Promise((resolve, reject) => {
        const socket = new WebSocket(url);
        const timer = setTimeout(() => reject(new Error(`socket ${n}: no pong within 30 s`)), 30000);
        socket.onopen = () => socket.send(JSON.stringify({ jsonrpc: '2.0', id: n, method: 'system.ping' }));
        socket.onmessage = () => {
            clearTimeout(timer);
            socket.onmessage = null;
            resolve(socket);
        };
        socket.onerror = () => {
            clearTimeout(timer);
            reject(new Error(`socket ${n} failed`));
        };
    });
}

const sockets = [];
const started = Date.now();
for (let next = 0; next < total; next += parallel) {
    const batch = [];
    for (let n = next; n < Math.min(next + parallel, total); n++) batch.push(openOne(n));
    sockets.push(...(await Promise.all(batch)));
}
let closed = 0;
for (const socket of sockets) socket.onclose = () => closed++;
console.log(`open ${sockets.length} sockets in ${Date.now() - started} ms; holding them ${holdSeconds} s`);
await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
console.log(`closed by the server while held: ${closed}`);
for (const socket of sockets) socket.close(1000);
setTimeout(() => process.exit(0), 2000);
