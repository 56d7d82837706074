/**
 * Where txrx's data lives in Redis: the name of every stream under the configurable prefix, and the field
 * names of stream entries (DESIGN.md section 3).
 */
package io.txrx.keys;
