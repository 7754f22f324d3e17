package org.clw.ledger.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-GCM with a fresh 96-bit nonce per message, stored in front of the ciphertext and its 128-bit tag. */
final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    static byte[] seal(SecretKey key, String associatedData, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, key, nonce, associatedData, plaintext, 0, plaintext.length);
        byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
        return sealed;
    }

    /** @throws TamperedWith when the ciphertext, its associated data or the key is not the one sealed with */
    static byte[] open(SecretKey key, String associatedData, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new TamperedWith();
        }
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, key, nonce, associatedData, sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String associatedData, byte[] input, int offset,
            int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new TamperedWith();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The authentication tag did not match: the sealed bytes were altered or belong to someone else. */
    static final class TamperedWith extends RuntimeException {

        TamperedWith() {
            super("Sealed data failed authentication");
        }
    }
}
