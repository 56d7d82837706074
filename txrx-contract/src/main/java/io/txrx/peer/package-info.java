/**
 * Who this process is among its peers: its roles and instance id, the shard an RPC instance announces, and
 * the signed P2P message they exchange (DESIGN.md section 4).
 */
package io.txrx.peer;
