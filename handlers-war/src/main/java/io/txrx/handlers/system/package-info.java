/** The {@code system} service: liveness, echo, clock and the methods routable right now. */
package io.txrx.handlers.system;
