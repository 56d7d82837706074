/**
 * The Java client of txrx: JSON-RPC 2.0 calls to one of several gateways over {@code java.net.http.WebSocket},
 * with reconnect and channels that resume from the last offset seen. Start at {@link io.txrx.client.TxrxClient}.
 */
package io.txrx.client;
