/** The handlers' database: the data source, the Flyway migrations run at start, and the seed data. */
package io.txrx.handlers.schema;
