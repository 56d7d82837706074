package io.txrx.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How every Payara Micro process of a run is started: the JVM, {@code payara-micro.jar}, the run folder
 * (logs and work folders), loopback binding and no clustering.
 *
 * @param microJar   {@code payara-micro.jar}
 * @param runDir     where each process gets {@code <name>.log} and a work folder {@code <name>/}
 * @param jvmOptions extra options for every JVM (heap size and the like)
 * @param configDir  optional folder of {@code <name>.properties} files given to Micro as system properties
 */
public record MicroRuntime(Path microJar, Path runDir, List<String> jvmOptions, Path configDir) {

    /** Where the HTTP listener binds: never beyond this machine unless a user changes it by hand. */
    public static final String BIND_ADDRESS = "127.0.0.1";

    public MicroRuntime {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static MicroRuntime of(Distribution dist, Path runDir) {
        return new MicroRuntime(dist.microJar(), runDir, List.of(), null);
    }

    /** The command line of one process; writes the pre-boot command file into the run folder. */
    List<String> command(String name, int port, Path workDir, List<Path> deployables) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
        command.add("-jar");
        command.add(microJar.toString());
        // no Hazelcast: no clustering traffic, txrx processes meet through Redis only
        command.add("--nohazelcast");
        command.add("--disablephonehome");
        command.add("--name");
        command.add("txrx-" + name);
        command.add("--port");
        command.add(Integer.toString(port));
        command.add("--prebootcommandfile");
        command.add(prebootCommands(workDir).toString());
        Path properties = configDir == null ? null : configDir.resolve(name + ".properties");
        if (properties != null && Files.isRegularFile(properties)) {
            command.add("--systemproperties");
            command.add(properties.toString());
        }
        for (Path deployable : deployables) {
            command.add("--deploy");
            command.add(deployable.toString());
        }
        return command;
    }

    /** asadmin commands run before boot: bind the HTTP listener to loopback. */
    private static Path prebootCommands(Path workDir) throws IOException {
        Path file = workDir.resolve("preboot.asadmin");
        Files.writeString(
                file,
                "set configs.config.server-config.network-config.network-listeners"
                        + ".network-listener.http-listener.address=" + BIND_ADDRESS + System.lineSeparator());
        return file;
    }
}
