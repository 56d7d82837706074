/**
 * What peers tell each other (DESIGN.md section 4): the roles a process runs, the shard an RPC instance
 * announces, and the P2P message they exchange.
 */
package io.txrx.peer;
