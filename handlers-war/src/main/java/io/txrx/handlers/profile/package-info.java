/** The {@code profile} service: the example of an entity, its migration, validated handlers, end to end. */
package io.txrx.handlers.profile;
