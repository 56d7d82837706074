/**
 * The JSON-RPC 2.0 envelope as txrx speaks it: parsing and validating client frames, and writing replies
 * and errors with the caller's id echoed exactly.
 */
package io.txrx.jsonrpc;
