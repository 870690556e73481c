package org.pchatdr.portal.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the company CA an operator configures (the directory's, the audit collector's):
 * the one way the portal reads a trust store and builds a TLS context on it.
 */
public final class TrustStores {

    private TrustStores() {}

    /**
     * A TLS context that trusts the authorities of {@code file} alone: a PEM file of one or more
     * certificates, or a PKCS#12 or JKS trust store opened with {@code password} ({@code null} reads
     * a store's certificates without checking its integrity).
     */
    public static SSLContext trusting(Path file, char[] password) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(file, password));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        String start;
        try (InputStream in = Files.newInputStream(file)) {
            start = new String(in.readNBytes(64), StandardCharsets.US_ASCII);
        }
        if (!start.contains("-----BEGIN")) {
            return KeyStore.getInstance(file.toFile(), password);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + i++, certificate);
        }
        return store;
    }
}
