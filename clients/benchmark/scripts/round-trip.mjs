// One socket, one call in flight: the round trip of system.echo (through TX, the dispatcher, the rpc and RX)
// next to the round trip of a call the gateway answers by itself (presence.online before sign-in, answered
// -32001 without Redis), so the difference is what the three stream hops cost. See the README's "Where one
// call's time goes". Alternates the two kinds in rounds, so a noisy minute touches both alike.
// usage: node --experimental-websocket round-trip.mjs --url ws://127.0.0.1:8080/gateway/ws --calls 5000 --rounds 3
const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const url = args.url ?? 'ws://127.0.0.1:8080/gateway/ws';
const calls = Math.min(Number(args.calls ?? 5000), 100000);
const rounds = Math.min(Number(args.rounds ?? 3), 20);
const warmup = 1000;
const kinds = {
    echo: (id) => ({ jsonrpc: '2.0', id, method: 'system.echo', params: { data: 'x'.repeat(64) } }),
    local: (id) => ({ jsonrpc: '2.0', id, method: 'presence.online', params: { users: ['nobody'] } }),
};

const socket = new WebSocket(url);
await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = () => reject(new Error(`cannot open ${url}`));
});

let id = 0;
function call(kind) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${kind}: no reply within 5 s`)), 5000);
        const sent = process.hrtime.bigint();
        socket.onmessage = () => {
            clearTimeout(timer);
            resolve(Number(process.hrtime.bigint() - sent) / 1e6);
        };
        socket.send(JSON.stringify(kinds[kind](++id)));
    });
}

function summary(kind, round, ms) {
    const sorted = [...ms].sort((a, b) => a - b);
    const at = (p) => sorted[Math.floor(p * (sorted.length - 1))].toFixed(3);
    const mean = (sorted.reduce((a, b) => a + b, 0) / sorted.length).toFixed(3);
    return `round ${round} ${kind.padEnd(5)} calls ${sorted.length}  p50 ${at(0.5)}  p90 ${at(0.9)}  p99 ${at(0.99)} ms  (mean ${mean})`;
}

for (const kind of Object.keys(kinds)) for (let n = 0; n < warmup; n++) await call(kind);
for (let round = 1; round <= rounds; round++) {
    for (const kind of Object.keys(kinds)) {
        const ms = [];
        for (let n = 0; n < calls; n++) ms.push(await call(kind));
        console.log(summary(kind, round, ms));
    }
}
socket.close();
