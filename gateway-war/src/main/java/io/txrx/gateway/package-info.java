/**
 * The gateway: the WebSocket edge. It validates every frame as JSON-RPC 2.0, answers bad ones itself,
 * appends valid calls to TX and delivers replies and pushes from its own RX stream to the right socket.
 */
package io.txrx.gateway;
