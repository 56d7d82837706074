package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every MicroProfile Config key the servers read, found in their sources, has its default once, in its
 * module's {@code META-INF/microprofile-config.properties}, and is documented with that default in the
 * README's configuration table and in {@code server-config/config/<role>.properties} of every role that
 * reads it.
 */
class ConfigurationTest {
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(([^)]*)\\)");
    private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LOOKUP =
            Pattern.compile("\\.get(?:Optional)?Value\\(\\s*([^,()]+?)\\s*,\\s*[\\w.]+\\.class\\s*\\)");
    private static final Pattern IN_CODE_DEFAULT = Pattern.compile("@ConfigProperty\\s*\\([^)]*defaultValue");
    /** OpenTelemetry's own settings: Payara reads and defaults them, the README's tracing section shows them. */
    private static final String OPENTELEMETRY = "otel.";

    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^}]+)}");
    private static final Pattern VARIABLE = Pattern.compile("\\bTXRX_[A-Z0-9_]*[A-Z0-9]\\b");
    private static final Pattern ROLE_FILE_LINE = Pattern.compile("^(#?)(txrx\\.[a-z0-9.-]+)=(.*)$");
    private static final Pattern README_KEY = Pattern.compile("`(txrx\\.[a-z0-9.-]+)`");
    private static final Map<String, Set<String>> ROLE_MODULES = Map.of(
            "gateway-war", Set.of("gateway"),
            "dispatcher-ejb", Set.of("dispatcher"),
            "rpc-ejb", Set.of("rpc"),
            "handlers-war", Set.of("rpc"));
    private static final Set<String> EVERY_ROLE = Set.of("gateway", "dispatcher", "rpc");
    /** The libraries the servers share, with the roles whose archives hold them. */
    private static final Map<String, Set<String>> SERVER_LIBRARIES =
            Map.of("streams", EVERY_ROLE, "protocol", EVERY_ROLE, "p2p-ejb", Set.of("dispatcher", "rpc"));

    private final Path root = repositoryRoot();
    private final List<Source> sources = sources(root);
    private final Map<String, Set<String>> rolesByKey = rolesByKey();

    @Test
    void everyKeyHasItsDefaultOnceInItsModulesConfigFileAndNoneInTheCode() {
        Map<String, String> definedIn = new TreeMap<>();
        for (Path file : defaultFiles()) {
            for (String key : load(file).stringPropertyNames()) {
                String other = definedIn.putIfAbsent(key, root.relativize(file).toString());
                assertEquals(null, other, key + " is defaulted in " + other + " and in " + root.relativize(file));
            }
        }
        for (Source source : sources) {
            assertFalse(
                    IN_CODE_DEFAULT.matcher(source.text).find(),
                    source.path + ": a default belongs in the module's microprofile-config.properties");
        }
        Set<String> unread = new TreeSet<>(definedIn.keySet());
        unread.removeAll(rolesByKey.keySet());
        assertEquals(Set.of(), unread, "defaults of keys no server reads");
    }

    @Test
    void everyKeyIsInTheReadmeTableWithItsDefault() {
        Map<String, String> table = readmeTable();
        Map<String, String> defaults = defaults();
        List<String> problems = new ArrayList<>();
        for (String key : rolesByKey.keySet()) {
            String cell = table.get(key);
            String expected = defaults.getOrDefault(key, "");
            if (cell == null) {
                problems.add(key + " is missing from the README's configuration table");
            } else if (expected.isEmpty() ? cell.startsWith("`") : !cell.equals("`" + expected + "`")) {
                problems.add(key + ": the README shows " + cell + ", the default is '" + expected + "'");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyIsInTheRoleFileOfEveryRoleThatReadsItWithItsDefault() {
        Map<String, String> defaults = defaults();
        List<String> problems = new ArrayList<>();
        for (String role : EVERY_ROLE) {
            Path file = root.relativize(root.resolve("server-config/config/" + role + ".properties"));
            Map<String, String> shown = new HashMap<>();
            for (String line : lines(root.resolve(file))) {
                Matcher m = ROLE_FILE_LINE.matcher(line);
                if (m.matches()) {
                    shown.put(m.group(2), m.group(1).isEmpty() ? null : unescaped(m.group(3)));
                }
            }
            rolesByKey.forEach((key, roles) -> {
                String expected = defaults.getOrDefault(key, "");
                if (!roles.contains(role)) {
                    return;
                } else if (!shown.containsKey(key)) {
                    problems.add(key + " is missing from " + file);
                } else if (shown.get(key) != null && !shown.get(key).equals(expected)) {
                    problems.add(
                            key + ": " + file + " shows " + shown.get(key) + ", the default is '" + expected + "'");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyVariableTheLauncherOrAServerNamesIsAKey() {
        Map<String, String> keysByVariable = new HashMap<>();
        rolesByKey.keySet().forEach(key -> keysByVariable.put(variable(key), key));
        for (Source source : sources) {
            Matcher m = VARIABLE.matcher(source.text);
            while (m.find()) {
                assertTrue(
                        keysByVariable.containsKey(m.group()),
                        source.path + " names " + m.group() + ", which is no configuration key's variable");
            }
        }
    }

    /** Every key read in the servers' sources, with the roles whose processes read it. */
    private Map<String, Set<String>> rolesByKey() {
        Map<String, Set<String>> roles = new TreeMap<>();
        for (Source source : sources) {
            List<String> keys = keys(source);
            assertTrue(
                    keys.isEmpty()
                            || ROLE_MODULES.containsKey(source.module)
                            || SERVER_LIBRARIES.containsKey(source.module),
                    source.path + " reads " + keys + ": name the roles of module " + source.module + " here");
            for (String key : keys) {
                roles.computeIfAbsent(key, k -> new TreeSet<>()).addAll(rolesOf(source));
            }
        }
        return roles;
    }

    private static List<String> keys(Source source) {
        List<String> keys = new ArrayList<>();
        Matcher property = CONFIG_PROPERTY.matcher(source.text);
        while (property.find()) {
            Matcher name = NAME.matcher(property.group(1));
            assertTrue(name.find(), source.path + ": a @ConfigProperty whose name is no literal");
            keys.add(name.group(1));
        }
        Matcher lookup = LOOKUP.matcher(source.text);
        while (lookup.find()) {
            String name = lookup.group(1);
            assertTrue(name.matches("\"[^\"]+\""), source.path + ": a configuration lookup of " + name);
            String key = name.substring(1, name.length() - 1);
            if (!key.startsWith(OPENTELEMETRY)) {
                keys.add(key);
            }
        }
        Matcher mpconfig = MPCONFIG.matcher(source.text);
        while (mpconfig.find()) {
            keys.add(mpconfig.group(1));
        }
        return keys;
    }

    /**
     * A role module's role; for a class of a library the servers share, the roles of the role modules'
     * classes that use it, directly or through other library classes. A startup bean, or a class no role
     * names, counts for every role whose archive holds the library.
     */
    private Set<String> rolesOf(Source source) {
        if (ROLE_MODULES.containsKey(source.module)) {
            return ROLE_MODULES.get(source.module);
        }
        Set<String> deployedIn = SERVER_LIBRARIES.get(source.module);
        if (source.text.contains("@Startup")) {
            return deployedIn;
        }
        Set<String> roles = new TreeSet<>();
        Set<Source> seen = new HashSet<>(Set.of(source));
        List<Source> todo = new ArrayList<>(List.of(source));
        while (!todo.isEmpty()) {
            Pattern named = Pattern.compile("\\b" + todo.remove(0).className() + "\\b");
            for (Source user : sources) {
                if (seen.contains(user) || !named.matcher(user.text).find()) {
                    continue;
                }
                seen.add(user);
                if (ROLE_MODULES.containsKey(user.module)) {
                    roles.addAll(ROLE_MODULES.get(user.module));
                } else if (SERVER_LIBRARIES.containsKey(user.module)) {
                    todo.add(user);
                }
            }
        }
        return roles.isEmpty() ? deployedIn : roles;
    }

    /** The default cell of every key in the README's configuration table (rows may list several keys). */
    private Map<String, String> readmeTable() {
        Map<String, String> table = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : lines(root.resolve("README.md"))) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
            } else if (inSection && line.startsWith("| `txrx.")) {
                String[] cells = line.split(" \\| ");
                List<String> keys = new ArrayList<>();
                Matcher m = README_KEY.matcher(cells[0]);
                while (m.find()) {
                    keys.add(m.group(1));
                }
                String[] values = cells[1].split(", ");
                assertEquals(keys.size(), values.length, "README row of " + keys + ": one default per key");
                for (int i = 0; i < keys.size(); i++) {
                    table.put(keys.get(i), values[i].trim());
                }
            }
        }
        return table;
    }

    private Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        for (Path file : defaultFiles()) {
            Properties properties = load(file);
            properties.stringPropertyNames().forEach(key -> defaults.put(key, properties.getProperty(key)));
        }
        return defaults;
    }

    private List<Path> defaultFiles() {
        return files(root, "src/main/resources/META-INF/microprofile-config.properties");
    }

    /** A value as a properties file means it ({@code public\\..*} is {@code public\..*}). */
    private static String unescaped(String value) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader("v=" + value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("v");
    }

    private static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private record Source(Path path, String module, String text) {
        String className() {
            String name = path.getFileName().toString();
            return name.substring(0, name.length() - ".java".length());
        }
    }

    private static List<Source> sources(Path root) {
        return files(root, ".java").stream()
                .filter(path -> root.relativize(path).toString().contains("/src/main/java/"))
                .map(path -> {
                    String relative = root.relativize(path).toString();
                    String beforeSrc = relative.substring(0, relative.indexOf("/src/main/java/"));
                    String module = beforeSrc.substring(beforeSrc.lastIndexOf('/') + 1);
                    return new Source(root.relativize(path), module, read(path));
                })
                .toList();
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> {
                        String relative = root.relativize(path).toString();
                        return relative.endsWith(suffix)
                                && !relative.contains("target/")
                                && !relative.contains("node_modules/")
                                && !relative.startsWith(".");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder with the README and server-config/config, above this module's folder. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("server-config/config")) || !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
            assertFalse(dir == null, "no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
