/**
 * Who is online on which gateway, kept in Redis by the gateways and read by chat delivery and the presence
 * methods: the one place a user's live gateways are looked up.
 */
package io.txrx.presence;
