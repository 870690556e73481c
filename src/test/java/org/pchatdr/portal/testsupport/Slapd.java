package org.pchatdr.portal.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/**
 * A real OpenLDAP server for the directory tests (issue 15): Debian's {@code slapd} (installed by
 * {@code .ci/run}), started once per test JVM on free ports in a temporary directory, with a CA and
 * a server certificate made here by {@code openssl}. The portal speaks LDAPS to it, trusting the
 * generated CA; the tests change the tree over a second, plain listener as the directory's
 * administrator. The tree:
 *
 * <pre>
 * dc=example,dc=test
 *   ou=people: alice (in operators), "Sean O'Brien" uid=obrien (in dr-team), carol (local name too),
 *              dave (in no mapped group), erin (in operators, for lockout)
 *   ou=groups: operators, approvers (holds the group dr-team), dr-team, staff
 * </pre>
 */
public final class Slapd {

    public static final String BASE = "dc=example,dc=test";
    public static final String ADMIN_DN = "cn=admin," + BASE;
    public static final String ADMIN_PASSWORD = "directory-admin-secret";
    public static final String SERVICE_DN = "cn=portal-service,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "service-secret";

    public static String person(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    public static final String OBRIEN_DN = "cn=Sean O'Brien,ou=people," + BASE;

    public static String group(String cn) {
        return "cn=" + cn + ",ou=groups," + BASE;
    }

    private static Slapd instance;

    private final Path directory;
    private final int ldapsPort;
    private final int ldapPort;
    private Process process;

    private Slapd(Path directory, int ldapsPort, int ldapPort) {
        this.directory = directory;
        this.ldapsPort = ldapsPort;
        this.ldapPort = ldapPort;
    }

    /** The one server of this JVM, started at the first call. */
    public static synchronized Slapd shared() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("portal-slapd");
                instance = new Slapd(dir, freePort(), freePort());
                instance.prepare();
                instance.start();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot start slapd: is Debian's slapd installed (.ci/run does it)?", e);
            }
        }
        return instance;
    }

    public String ldapsUrl() {
        return "ldaps://127.0.0.1:" + ldapsPort;
    }

    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    private void prepare() throws IOException {
        Files.createDirectories(directory.resolve("db"));
        run(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=Portal Test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        run(
                "openssl",
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=localhost");
        Files.writeString(
                directory.resolve("server.ext"),
                "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        run(
                "openssl",
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.pem",
                "-days",
                "2",
                "-extfile",
                "server.ext");
        Files.writeString(directory.resolve("slapd.conf"), config(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("tree.ldif"), tree(), StandardCharsets.UTF_8);
        run("slapadd", "-f", "slapd.conf", "-l", "tree.ldif");
    }

    /** Starts (or restarts, after {@link #stop()}) the server on its ports and waits until it answers. */
    public synchronized void start() {
        try {
            process = new ProcessBuilder(
                            "slapd",
                            "-f",
                            "slapd.conf",
                            "-h",
                            "ldaps://127.0.0.1:" + ldapsPort + "/ ldap://127.0.0.1:" + ldapPort + "/",
                            "-d",
                            "0")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("slapd.log").toFile())
                    .start();
            for (int i = 0; i < 200; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "slapd stopped: " + Files.readString(directory.resolve("slapd.log")));
                }
                try (Socket socket = new Socket("127.0.0.1", ldapsPort)) {
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            throw new IllegalStateException("slapd does not answer on " + ldapsPort);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start slapd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server: the directory becomes unreachable. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public void addMember(String groupDn, String memberDn) {
        modify(groupDn, DirContext.ADD_ATTRIBUTE, memberDn);
    }

    public void removeMember(String groupDn, String memberDn) {
        modify(groupDn, DirContext.REMOVE_ATTRIBUTE, memberDn);
    }

    private void modify(String groupDn, int operation, String memberDn) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, "ldap://127.0.0.1:" + ldapPort);
        environment.put(Context.SECURITY_PRINCIPAL, ADMIN_DN);
        environment.put(Context.SECURITY_CREDENTIALS, ADMIN_PASSWORD);
        try {
            DirContext context = new InitialDirContext(environment);
            try {
                context.modifyAttributes(groupDn, new ModificationItem[] {
                    new ModificationItem(operation, new BasicAttribute("member", memberDn))
                });
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Cannot change " + groupDn, e);
        }
    }

    private String config() {
        String dir = directory.toAbsolutePath().toString();
        return String.join(
                "\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir + "/slapd.pid",
                "TLSCACertificateFile " + dir + "/ca.pem",
                "TLSCertificateFile " + dir + "/server.pem",
                "TLSCertificateKeyFile " + dir + "/server.key",
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + BASE + "\"",
                "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + ADMIN_PASSWORD,
                "directory " + dir + "/db",
                "access to attrs=userPassword by anonymous auth by self write by * none",
                "access to * by users read by * none",
                "");
    }

    private static String tree() {
        List<String> entries = new ArrayList<>();
        entries.add("dn: " + BASE + "\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example");
        for (String ou : List.of("people", "groups", "services")) {
            entries.add("dn: ou=" + ou + "," + BASE + "\nobjectClass: organizationalUnit\nou: " + ou);
        }
        entries.add("dn: " + SERVICE_DN + "\nobjectClass: person\ncn: portal-service\nsn: service\nuserPassword: "
                + SERVICE_PASSWORD);
        for (String uid : List.of("alice", "carol", "dave", "erin", "frank")) {
            entries.add("dn: " + person(uid) + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + uid + "\nsn: "
                    + uid + "\nuserPassword: " + password(uid));
        }
        entries.add("dn: " + OBRIEN_DN + "\nobjectClass: inetOrgPerson\nuid: obrien\ncn: Sean O'Brien\nsn: O'Brien\n"
                + "userPassword: " + password("obrien"));
        entries.add(groupEntry("operators", person("alice"), person("carol"), person("erin"), person("frank")));
        entries.add(groupEntry("dr-team", OBRIEN_DN));
        entries.add(groupEntry("approvers", group("dr-team")));
        entries.add(groupEntry("staff", person("dave")));
        return String.join("\n\n", entries) + "\n";
    }

    private static String groupEntry(String cn, String... members) {
        StringBuilder entry = new StringBuilder("dn: " + group(cn) + "\nobjectClass: groupOfNames\ncn: " + cn);
        for (String member : members) {
            entry.append("\nmember: ").append(member);
        }
        return entry.toString();
    }

    /** Each test person's directory password. */
    public static String password(String uid) {
        return uid + "-Directory-Pass-9";
    }

    private void run(String... command) throws IOException {
        try {
            Process step = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(step.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (step.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
