package io.txrx.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A P2P {@code share} as a stranger on the Redis would write it: well formed, fresh, signed the way peers
 * sign (HMAC-SHA256 over type, from, role, to, shard and ts, each ended by a newline) but with a key that is
 * not the pre-shared one.
 */
record ForgedShare(String from, String shard, long ts) {

    static ForgedShare of(String from, String service, String stream, String method) {
        String shard = "{\"service\":\"" + service + "\",\"stream\":\"" + stream + "\",\"methods\":[\"" + method
                + "\"],\"instance\":\"" + from + "\",\"version\":\"1\"}";
        return new ForgedShare(from, shard, System.currentTimeMillis());
    }

    /** The stream entry's fields, signed with {@code key}. */
    Map<String, String> fields(String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", "share");
        fields.put("from", from);
        fields.put("role", "rpc");
        fields.put("to", "");
        fields.put("shard", shard);
        fields.put("ts", Long.toString(ts));
        fields.put("sig", sign(key));
        return fields;
    }

    private String sign(String key) {
        String input = "share\n" + from + "\nrpc\n\n" + shard + "\n" + ts + "\n";
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
