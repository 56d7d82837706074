/**
 * The txrx run command: resolves Redis and PostgreSQL (embedded ones when none is configured), starts one
 * Payara Micro process per role with the role's deployables, and waits until the gateway answers a JSON-RPC
 * {@code system.ping}. {@link io.txrx.launcher.MicroProcess} is also
 * the building block of the system tests, and {@link io.txrx.launcher.PingProbe} the EAR check.
 */
package io.txrx.launcher;
