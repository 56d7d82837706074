package io.txrx.handlers.schema.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date from {@code db/migration}. Flyway locks the database while it
 * migrates, so instances starting together apply each migration once. Services add their migrations
 * independently (each owns its tables), so one numbered below a migration a database already has is still
 * applied (out of order) rather than refusing the start.
 */
public final class Migrations {

    private Migrations() {}

    public static MigrateResult run(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
    }
}
