/**
 * The RPC services of txrx, one package per service, each a set of {@link io.txrx.rpc.boundary.RpcMethod}
 * handler beans; {@link io.txrx.handlers.HandlerBootstrap} hands them to the rpc layer at start.
 */
package io.txrx.handlers;
