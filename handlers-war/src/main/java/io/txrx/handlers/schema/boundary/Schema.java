package io.txrx.handlers.schema.boundary;

import io.txrx.handlers.HandlerBootstrap;
import io.txrx.handlers.schema.control.Migrations;
import io.txrx.handlers.schema.control.Seeder;
import io.txrx.peer.Role;
import io.txrx.process.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The handlers' PostgreSQL, configured from {@code txrx.db.url}, {@code txrx.db.user} and
 * {@code txrx.db.password}. At start, before any handler is served, Flyway brings the schema up to date
 * (its lock on the database makes concurrent starts of several rpc instances safe) and the seeder runs.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/txrx",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=txrx.db.url}",
        user = "${MPCONFIG=txrx.db.user}",
        password = "${MPCONFIG=txrx.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32,
        // after PostgreSQL went away and came back, no handler gets a dead pooled connection
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class Schema {
    private static final Logger LOG = Logger.getLogger(Schema.class.getName());

    @Resource(lookup = "java:app/jdbc/txrx")
    DataSource dataSource;

    @Inject
    Roles roles;

    @Inject
    Seeder seeder;

    private volatile boolean migrated;

    /** Runs once, at start, before the handlers are handed to the rpc layer. */
    void migrate(@Observes HandlerBootstrap.BeforeServing starting) {
        if (!roles.has(Role.RPC)) {
            return;
        }
        var result = Migrations.run(dataSource);
        LOG.log(Level.INFO, "Schema at version {0} ({1} migration(s) applied now)", new Object[] {
            result.targetSchemaVersion, result.migrationsExecuted
        });
        seeder.seed(dataSource);
        migrated = true;
    }

    /** Whether the migrations (and the seeder) have run in this process. */
    public boolean migrated() {
        return migrated;
    }

    /** Whether the database answers within {@code timeoutSeconds}. */
    public boolean databaseAnswers(int timeoutSeconds) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Database check failed: {0}", e.toString());
            return false;
        }
    }
}
