package io.txrx.handlers.schema.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database's schema up to date from {@code db/migration}. Flyway locks the database while it
 * migrates, so instances starting together apply each migration once.
 */
public final class Migrations {

    private Migrations() {}

    public static MigrateResult run(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
