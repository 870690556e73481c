package org.pchatdr.portal.security.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.pchatdr.portal.base.TrustStores;

/**
 * TLS to the directory trusting the company CA of PORTAL_LDAP_TRUSTSTORE (a PEM certificate file, or
 * a PKCS#12 / JKS trust store). JNDI takes a socket factory by class name and calls its static
 * {@code getDefault()} (java.naming.ldap.factory.socket), hence the static holder. Host names are
 * still verified by JNDI.
 */
public class DirectorySocketFactory extends SSLSocketFactory {

    private static volatile SSLSocketFactory delegate;

    static void trust(String truststore, String password) {
        try {
            delegate = TrustStores.trusting(Path.of(truststore), password.isEmpty() ? null : password.toCharArray())
                    .getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "PORTAL_LDAP_TRUSTSTORE " + truststore + " cannot be read: " + e.getMessage(), e);
        }
    }

    static SSLSocketFactory current() {
        return delegate;
    }

    public static SocketFactory getDefault() {
        return new DirectorySocketFactory();
    }

    private static SSLSocketFactory delegate() {
        SSLSocketFactory factory = delegate;
        return factory != null ? factory : (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate().getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return delegate().createSocket();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate().createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate().createSocket(address, port, localAddress, localPort);
    }
}
