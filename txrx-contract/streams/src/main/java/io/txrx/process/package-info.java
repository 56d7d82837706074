/**
 * This process among its peers: the roles {@code txrx.roles} switches on in it, and its unique instance id.
 */
package io.txrx.process;
