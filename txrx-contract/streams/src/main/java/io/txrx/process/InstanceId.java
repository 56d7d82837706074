package io.txrx.process;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** This process's unique id among peers: host, process id and a random part; never configured by hand. */
@ApplicationScoped
public class InstanceId {
    private final String id = generate();

    public String value() {
        return id;
    }

    static String generate() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return id;
    }
}
