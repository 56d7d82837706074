package io.txrx.launcher;

import java.io.PrintStream;

/** What the run command tells its user: the one place that writes to the terminal. */
public final class Console {

    private final PrintStream out;

    public Console(PrintStream out) {
        this.out = out;
    }

    public static Console system() {
        return new Console(System.out);
    }

    public void say(String line) {
        synchronized (out) {
            out.println("txrx | " + line);
            out.flush();
        }
    }

    /** A line from a child's log, prefixed with the child's name. */
    public void relay(String process, String line) {
        say(String.format("%-10s| %s", process, line));
    }

    public void block(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
