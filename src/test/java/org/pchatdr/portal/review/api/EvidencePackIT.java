package org.pchatdr.portal.review.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.change.ChangeDraft;
import org.pchatdr.portal.change.ChangeService;
import org.pchatdr.portal.change.ChangeType;
import org.pchatdr.portal.change.ChangeView;
import org.pchatdr.portal.change.Outcome;
import org.pchatdr.portal.review.EndedRuns;
import org.pchatdr.portal.review.EvidenceService;
import org.pchatdr.portal.review.ReviewDecision;
import org.pchatdr.portal.review.ReviewService;
import org.pchatdr.portal.run.RunKind;
import org.pchatdr.portal.run.RunRequest;
import org.pchatdr.portal.run.RunService;
import org.pchatdr.portal.run.RunView;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.MutableClock;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.pchatdr.portal.topology.Contoso;
import org.pchatdr.portal.topology.TopologySamples;
import org.pchatdr.portal.topology.TopologyService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An evidence pack checked as an outside auditor would, with the JDK alone: every file's SHA-256
 * against the manifest, and the manifest's Ed25519 signature against the published public key.
 */
@IntegrationTest
class EvidencePackIT {

    private static final String MANAGER = "api-ev-frank";
    private static final List<String> FILES = List.of(
            "summary.pdf",
            "events.csv",
            "events.ndjson",
            "approvals.csv",
            "steps.csv",
            "procedure.json",
            "topology.json",
            "manifest.json",
            "manifest.sig");

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    TopologyService topologies;

    @Autowired
    RunService runs;

    @Autowired
    ReviewService reviews;

    @Autowired
    MutableClock clock;

    @Autowired
    ChangeService changes;

    @Autowired
    AuditService audit;

    @Autowired
    EvidenceService evidence;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aSignedOffRunsPackHoldsEveryFileWithTheHashesAndSignatureTheManifestClaims() throws Exception {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure(MANAGER, Role.MANAGER);
        accounts.ensure("api-ev-reader", Role.OPERATOR);
        RunView run = new EndedRuns(topologies, runs, clock).abortedDrillWithRetriedStep();
        TestAccounts.signIn(MANAGER, Role.MANAGER);
        reviews.decide(
                run.id(),
                new ReviewDecision(
                        ReviewDecision.Outcome.SIGN_OFF,
                        "Revue close, l’équipe a bien réagi",
                        List.of(new ReviewDecision.Disposition("STEP_RETRIED:1", "droits corrigés")),
                        List.of()));
        TestAccounts.signOut();
        PortalHttp http = new PortalHttp(port);

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/runs/" + run.id() + "/evidence"))
                                .header("Authorization", PortalHttp.basic(MANAGER, TestAccounts.PASSWORD))
                                .header("Accept-Language", "fr")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> files = unzip(response.body());
        String publicKey = http.get("/api/v1/evidence/public-key", "api-ev-reader", TestAccounts.PASSWORD)
                .body();
        keepForOpenssl(response.body(), publicKey);

        assertThat(files.keySet()).containsExactlyElementsOf(FILES);
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("subject").get("id").asLong()).isEqualTo(run.id());
        assertThat(manifest.get("auditChainHead").get("seq").asLong()).isPositive();
        assertThat(manifest.get("generator").asString()).startsWith("pchat-dr-portal ");
        int listed = 0;
        for (JsonNode file : manifest.get("files")) {
            byte[] content = files.get(file.get("name").asString());
            assertThat(content).as(file.get("name").asString()).isNotNull();
            assertThat(sha256(content))
                    .as(file.get("name").asString())
                    .isEqualTo(file.get("sha256").asString());
            listed++;
        }
        assertThat(listed).isEqualTo(FILES.size() - 2);
        assertThat(verifies(publicKey, files.get("manifest.json"), files.get("manifest.sig")))
                .isTrue();

        byte[] altered = files.get("manifest.json").clone();
        altered[altered.length / 2] ^= 1;
        assertThat(verifies(publicKey, altered, files.get("manifest.sig"))).isFalse();

        String events = new String(files.get("events.csv"), StandardCharsets.UTF_8);
        assertThat(events)
                .startsWith("seq,occurredAt,actor,action,target,details,clientAddress")
                .contains("RUN_REQUESTED", "STEP_RETRIED", "RUN_ABORTED", "REVIEW_SIGNED_OFF");
        assertThat(new String(files.get("steps.csv"), StandardCharsets.UTF_8))
                .contains("Command(s) completed successfully.");
        assertThat(new String(files.get("summary.pdf"), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(files.get("summary.pdf"))) {
            PDResources resources = pdf.getPage(0).getResources();
            for (COSName name : resources.getFontNames()) {
                assertThat(resources.getFont(name).isEmbedded())
                        .as("font %s embedded", name.getName())
                        .isTrue();
            }
            // Asked in French: the summary prints accents and the typographic apostrophe.
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Preuves du déroulé " + run.id())
                    .contains("Revue close, l’équipe a bien réagi")
                    .contains("droits corrigés");
        }
    }

    @Test
    void aChangeRequestsPackHoldsEachRevisionTheApprovalsOfItsRoundAndItsRecordsSigned() throws Exception {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure(MANAGER, Role.MANAGER);
        accounts.ensure("api-ev-reader", Role.OPERATOR);
        TestAccounts.signIn("alice", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("carol", Role.APPROVER);
        topologies.publish(topology, 1);
        TestAccounts.signIn("alice", Role.OPERATOR);
        topologies.saveVersion(
                topology,
                1,
                TopologySamples.read(Contoso.textWith("\"backupAlertMinutes\": 60", "\"backupAlertMinutes\": 90")),
                null);
        ChangeView change = changes.create(changeDraft(topology, "Raise the backup alert"));
        // A minute later the revised window starts later too: a window edit, so revision 2 opens its own round.
        clock.advance(java.time.Duration.ofMinutes(1));
        change = changes.revise(
                change.id(), change.revision(), changeDraft(topology, "Raise the backup alert to 90 min"));
        change = changes.submit(change.id(), change.revision());
        TestAccounts.signIn("carol", Role.APPROVER);
        change = changes.approve(change.id(), change.revision(), "Vu, d’accord");
        TestAccounts.signOut();
        PortalHttp http = new PortalHttp(port);

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        http.base() + "/api/v1/change-requests/" + change.id() + "/evidence"))
                                .header("Authorization", PortalHttp.basic(MANAGER, TestAccounts.PASSWORD))
                                .header("Accept-Language", "fr")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, byte[]> files = unzip(response.body());
        String publicKey = http.get("/api/v1/evidence/public-key", "api-ev-reader", TestAccounts.PASSWORD)
                .body();

        assertThat(files.keySet())
                .containsExactly(
                        "summary.pdf",
                        "events.csv",
                        "events.ndjson",
                        "revisions.csv",
                        "approvals.csv",
                        "runs.csv",
                        "change.json",
                        "topology.json",
                        "manifest.json",
                        "manifest.sig");
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        assertThat(manifest.get("subject").get("type").asString()).isEqualTo("change");
        assertThat(manifest.get("subject").get("id").asLong()).isEqualTo(change.id());
        for (JsonNode file : manifest.get("files")) {
            assertThat(sha256(files.get(file.get("name").asString())))
                    .as(file.get("name").asString())
                    .isEqualTo(file.get("sha256").asString());
        }
        assertThat(verifies(publicKey, files.get("manifest.json"), files.get("manifest.sig")))
                .isTrue();
        assertThat(new String(files.get("revisions.csv"), StandardCharsets.UTF_8).lines())
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("2,Raise the backup alert to 90 min,"));
        assertThat(new String(files.get("approvals.csv"), StandardCharsets.UTF_8))
                .contains("2," + change.contentHash() + ",true,")
                .contains(",carol,APPROVED,\"Vu, d’accord\",");
        assertThat(new String(files.get("events.csv"), StandardCharsets.UTF_8))
                .contains("CHANGE_CREATED", "CHANGE_REVISED", "CHANGE_SUBMITTED", "CHANGE_APPROVED");
        try (PDDocument pdf = Loader.loadPDF(files.get("summary.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Preuves de la demande de changement " + change.id())
                    .contains("Révision 2 : Raise the backup alert to 90 min")
                    .contains("Vu, d’accord");
        }
        // The pack is on the request's own trail, where its page's audit link leads.
        TestAccounts.signIn(MANAGER, Role.MANAGER);
        assertThat(audit.history(List.of("change " + change.id() + " r" + change.revision())))
                .extracting(AuditEntry::action)
                .contains("EVIDENCE_GENERATED", "EVIDENCE_DOWNLOADED");
    }

    @Test
    void aChangeRequestsPackHoldsTheRunsItSponsoredAndNotAnotherRunOnTheSamePoolInTheSameHours() throws Exception {
        TestAccounts accounts = new TestAccounts(userAccounts);
        accounts.standingApprovers();
        accounts.ensure(MANAGER, Role.MANAGER);
        TestAccounts.signIn("alice", Role.OPERATOR);
        long topology = topologies.create(Contoso.topology(), null).topologyId();
        TestAccounts.signIn("carol", Role.APPROVER);
        topologies.publish(topology, 1);
        TestAccounts.signIn("alice", Role.OPERATOR);
        // Log shipping's copy folder moves: a HIGH change whose implementation creates a configuration run.
        topologies.saveVersion(
                topology,
                1,
                TopologySamples.read(Contoso.textWith(
                        "\"copyDestination\": \"D:\\\\PChatLogShipCopy\"",
                        "\"copyDestination\": \"E:\\\\PChatLogShipCopy\"")),
                null);
        ChangeView change = changes.create(changeDraft(topology, "Move the log-shipping copy folder"));
        change = changes.submit(change.id(), change.revision());
        for (String approver : List.of("carol", "dave")) {
            TestAccounts.signIn(approver, Role.APPROVER);
            change = changes.approve(change.id(), change.revision(), null);
        }
        TestAccounts.signIn("erin", Role.OPERATOR);
        change = changes.start(change.id(), change.revision());
        RunView sponsored = runs.run(change.runs().getFirst().runId());
        sponsored = runs.start(sponsored.id(), sponsored.version());
        for (RunView.Step step : sponsored.steps()) {
            sponsored = runs.startStep(sponsored.id(), sponsored.version(), step.number());
            sponsored = runs.completeStep(sponsored.id(), sponsored.version(), step.number(), null, null);
        }
        // While the change is still being implemented, a drill is asked for on the same pool: the
        // change did not sponsor it, so it is none of the change's evidence.
        TestAccounts.signIn("ev-drill-requester", Role.OPERATOR);
        RunView drill = runs.request(
                new RunRequest(
                        topology, sponsored.pool(), "site-failover", null, RunKind.DRILL, "quarterly drill", null),
                Locale.ENGLISH);
        TestAccounts.signIn("erin", Role.OPERATOR);
        change = changes.complete(change.id(), changes.change(change.id()).revision(), Outcome.SUCCESSFUL, null);
        TestAccounts.signIn(MANAGER, Role.MANAGER);

        Map<String, byte[]> files =
                unzip(evidence.changePack(change.id(), Locale.ENGLISH).zip());

        assertThat(new String(files.get("runs.csv"), StandardCharsets.UTF_8)
                        .lines()
                        .skip(1))
                .extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly(String.valueOf(sponsored.id()));
        try (PDDocument pdf = Loader.loadPDF(files.get("summary.pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("Run " + sponsored.id() + ": Configuration")
                    .doesNotContain("Run " + drill.id() + ":");
        }
        TestAccounts.signIn("ev-drill-requester", Role.OPERATOR);
        runs.abort(drill.id(), drill.version(), "Test over");
    }

    private ChangeDraft changeDraft(long topology, String title) {
        java.time.Instant now = clock.instant();
        return new ChangeDraft(
                title,
                ChangeType.NORMAL,
                topology,
                2,
                "Fewer false alerts",
                null,
                "Publish version 2.",
                "Publish version 1 again.",
                "Watch the alerts.",
                now.toString(),
                now.plus(java.time.Duration.ofHours(1)).toString(),
                "Europe/Paris",
                null);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static boolean verifies(String pem, byte[] data, byte[] signature) throws Exception {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The pack and key stay in target/ for the README's openssl commands to be tried by hand. */
    private static void keepForOpenssl(byte[] zip, String publicKey) throws IOException {
        Path folder = Files.createDirectories(Path.of("target/evidence-sample"));
        Files.write(folder.resolve("pack.zip"), zip);
        Files.writeString(folder.resolve("evidence-public.pem"), publicKey);
    }
}
