/**
 * RPC services: handler methods marked {@link io.txrx.rpc.boundary.RpcMethod}, grouped by service, served
 * by one stream reader per service whose replies go to the caller's gateway.
 */
package io.txrx.rpc;
