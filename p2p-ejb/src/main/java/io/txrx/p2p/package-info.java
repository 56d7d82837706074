/**
 * Peers find each other over the P2P stream: RPC instances announce their shards, dispatchers and every
 * other peer merge them into a routing table that forgets instances that fall silent.
 */
package io.txrx.p2p;
