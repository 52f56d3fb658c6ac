package com.landki.interview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    // RFC 4231, test case 2
    private static final byte[] KEY = "Jefe".getBytes(StandardCharsets.US_ASCII);
    private static final String DATA = "what do ya want for nothing?";
    private static final String MAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    @Test
    void theRfcTestVectorAndTheSameMacAgainAfterAnotherMessage() {
        HmacSha256 hmac = new HmacSha256(KEY);
        assertThat(HexFormat.of().formatHex(hmac.mac(DATA))).isEqualTo(MAC);
        hmac.mac("something else");
        assertThat(HexFormat.of().formatHex(hmac.mac(DATA))).isEqualTo(MAC);
    }

    @Test
    void threadsCallingAtOnceEachGetTheRightMac() throws Exception {
        HmacSha256 hmac = new HmacSha256(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var calls = IntStream.range(0, 2_000).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> i % 2 == 0 ? HexFormat.of().formatHex(hmac.mac(DATA)) : HexFormat.of().formatHex(
                            hmac.mac("other " + i)), pool)).toList();
            for (int i = 0; i < calls.size(); i += 2) {
                assertThat(calls.get(i).get()).isEqualTo(MAC);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
