/**
 * The txrx run command: resolves Redis and PostgreSQL (embedded ones when none is configured), starts one
 * Payara Micro process per role with the role's deployables, and waits until the gateway answers a JSON-RPC
 * {@code system.ping}. {@link io.txrx.launcher.MicroProcess} and {@link io.txrx.launcher.RpcClient} are also
 * the building blocks of the multi-process tests.
 */
package io.txrx.launcher;
