package org.pchatdr.portal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's Ed25519 evidence key (issue 14): it signs evidence packs and audit checkpoints, so
 * that anyone holding the public key can check them without trusting the portal. Given as a PKCS#8
 * PEM in {@code PORTAL_EVIDENCE_KEY} (the PEM text or a file path, as {@code openssl genpkey
 * -algorithm ed25519} writes it), or else created at the first start as {@code
 * <data dir>/evidence-key.pem}, readable by its owner only. Only the JDK's own Ed25519 is used.
 */
@Component
public class EvidenceKey {

    static final String FILE_NAME = "evidence-key.pem";
    private static final Logger log = LoggerFactory.getLogger(EvidenceKey.class);
    // RFC 8410: the PKCS#8 prefix of an Ed25519 private key, followed by its 32-byte seed.
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    EvidenceKey(@Value("${portal.evidence-key:}") String configured, @Value("${portal.data-dir}") Path dataDir) {
        byte[] pkcs8 = configured == null || configured.isBlank() ? stored(dataDir) : given(configured.strip());
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            this.publicKey = publicOf(pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The evidence key is not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    /** The Ed25519 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code data}. */
    public boolean verify(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), as openssl reads it. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    private static byte[] stored(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(dataDir);
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            String pem = pem("PRIVATE KEY", pkcs8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
            } else {
                Files.writeString(file, pem, StandardCharsets.US_ASCII);
            }
            log.info("Created the evidence key {}; keep a copy: packs and checkpoints are signed with it", file);
            return pkcs8;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the evidence key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] given(String configured) {
        if (configured.startsWith("-----BEGIN")) {
            return fromPem(configured);
        }
        try {
            return fromPem(Files.readString(Path.of(configured), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read PORTAL_EVIDENCE_KEY file " + configured, e);
        }
    }

    private static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    /**
     * The public key of a PKCS#8 Ed25519 key. The JDK derives it only when generating, from the
     * 32-byte seed its random source gives; giving it the stored seed yields the same pair.
     */
    private static PublicKey publicOf(byte[] pkcs8) throws GeneralSecurityException {
        if (pkcs8.length != PKCS8_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(pkcs8, PKCS8_PREFIX.length), PKCS8_PREFIX)) {
            throw new GeneralSecurityException("not a plain PKCS#8 Ed25519 private key");
        }
        byte[] seed = Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, pkcs8.length);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
