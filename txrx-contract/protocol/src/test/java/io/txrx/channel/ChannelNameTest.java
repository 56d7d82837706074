package io.txrx.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import org.junit.jupiter.api.Test;

class ChannelNameTest {

    @Test
    void namesOfLettersDigitsAndPunctuationAreValid() {
        for (String name :
                new String[] {"news", "public.news", "user:42", "room/7-a_b", "a@b=c+d~e", "x".repeat(200)}) {
            assertTrue(ChannelName.isValid(name), name);
        }
    }

    @Test
    void emptyLongSpacedOrHashTaggedNamesAreRefusedWithInvalidParams() {
        for (String name : new String[] {"", "x".repeat(201), "two words", "{tag}news", "ünï", "a*", null}) {
            assertFalse(ChannelName.isValid(name), String.valueOf(name));
        }
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> ChannelName.validate("{tag}"));
        assertEquals(ErrorCode.INVALID_PARAMS, e.code());
    }

    @Test
    void aUserChannelNamesItsOwner() {
        assertEquals("user:42", ChannelName.ofUser("42"));
        assertEquals("42", ChannelName.userOf("user:42"));
        assertNull(ChannelName.userOf("news"));
    }
}
