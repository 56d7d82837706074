package io.txrx.handlers.schema.control;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The file the generated passwords of seeded users go to, never the log: {@code username=password} lines,
 * readable and writable by its owner only (POSIX 600, in a folder of 700 when it creates one). A write
 * keeps the users already in the file, and replaces the file at once: the new content goes to a temporary
 * file created with those permissions beside it, which is then moved over it, so the file is never
 * readable by others, not even for a moment, and never half written.
 */
final class PasswordFile {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private PasswordFile() {}

    /** The configured location, {@code ~/} meaning the home folder of the user the server runs as. */
    static Path of(String configured) {
        if (configured.equals("~") || configured.startsWith("~/")) {
            return Path.of(
                            System.getProperty("user.home"),
                            configured.substring(1).replaceFirst("^/", ""))
                    .toAbsolutePath();
        }
        return Path.of(configured).toAbsolutePath();
    }

    /** Adds (or replaces) the passwords of {@code users} in {@code file}. */
    static void write(Path file, Map<String, String> users) throws IOException {
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(folder, OWNER_ONLY_FOLDER);
            } catch (UnsupportedOperationException e) {
                throw new IOException(
                        folder + " has no POSIX permissions: set the passwords in the configuration" + " instead", e);
            } catch (FileAlreadyExistsException e) {
                // made by another instance just now
            }
        }
        Map<String, String> content = new TreeMap<>(read(file));
        content.putAll(users);
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp", OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            throw new IOException(
                    folder + " has no POSIX permissions, so a password file there could be read"
                            + " by others: set the passwords in the configuration instead",
                    e);
        }
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("# Generated passwords of the users txrx seeded (username=password). Sign in, change"
                        + " them with auth.changePassword, then delete this file.\n");
                for (var user : content.entrySet()) {
                    out.write(user.getKey() + "=" + user.getValue() + "\n");
                }
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The passwords in the file by username; none when there is no file. */
    static Map<String, String> read(Path file) throws IOException {
        Properties users = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                users.load(in);
            }
        }
        Map<String, String> read = new TreeMap<>();
        users.stringPropertyNames().forEach(name -> read.put(name, users.getProperty(name)));
        return read;
    }
}
