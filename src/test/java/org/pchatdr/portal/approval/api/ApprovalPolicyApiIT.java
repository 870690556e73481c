package org.pchatdr.portal.approval.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pchatdr.portal.approval.SampleSubjects;
import org.pchatdr.portal.audit.AuditEntry;
import org.pchatdr.portal.audit.AuditService;
import org.pchatdr.portal.base.Role;
import org.pchatdr.portal.security.UserAccountService;
import org.pchatdr.portal.testsupport.AccountStandings;
import org.pchatdr.portal.testsupport.AuditReads;
import org.pchatdr.portal.testsupport.IntegrationTest;
import org.pchatdr.portal.testsupport.PortalHttp;
import org.pchatdr.portal.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The approval-policy page over REST: what an administrator reads, changes and is refused. */
@IntegrationTest
class ApprovalPolicyApiIT {

    private static final String ADMIN = "policy-api-admin";
    private static final String PATH = "/api/v1/approval-policies";

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService userAccounts;

    @Autowired
    AuditService audit;

    private final JsonMapper json = JsonMapper.builder().build();
    private PortalHttp http;

    @BeforeEach
    void anAdministrator() {
        TestAccounts testAccounts = new TestAccounts(userAccounts);
        testAccounts.ensure(ADMIN, Role.ADMIN);
        testAccounts.standingApprovers();
        http = new PortalHttp(port);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void anAdministratorReadsEveryContributedKindWithTheFieldsThatApplyAndItsEligibleApprovers() {
        JsonNode all = read(http.get(PATH, ADMIN, TestAccounts.PASSWORD), 200);
        JsonNode french = read(http.get(PATH, ADMIN, TestAccounts.PASSWORD, "Accept-Language", "fr"), 200);

        List<String> kinds = new ArrayList<>();
        all.forEach(kind -> kinds.add(kind.get("kind").asString()));
        assertThat(kinds)
                .containsExactly(
                        "run:CONFIGURATION",
                        "run:DRILL",
                        "run:PLANNED",
                        "run:DISASTER",
                        "change:LOW",
                        "change:MEDIUM",
                        "change:HIGH",
                        "change:EMERGENCY",
                        SampleSubjects.KIND);
        JsonNode drill = all.get(1);
        assertThat(drill.get("label").asString()).isEqualTo("Drills");
        assertThat(french.get(1).get("label").asString()).isEqualTo("Exercices");
        assertThat(drill.get("fields").toString()).isEqualTo("[\"EXECUTOR_MAY_APPROVE\",\"DATA_LOSS_GATE_WAIVER\"]");
        assertThat(drill.get("eligibleApprovers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(read(http.get(PATH + "/run:DRILL", ADMIN, TestAccounts.PASSWORD), 200))
                .isEqualTo(drill);
    }

    @Test
    void anAdministratorChangesAPolicyAndTheTrailRecordsBeforeAndAfter() {
        JsonNode before = read(http.get(PATH + "/run:CONFIGURATION", ADMIN, TestAccounts.PASSWORD), 200);
        try {
            JsonNode after = read(
                    http.put(
                            PATH + "/run:CONFIGURATION",
                            ADMIN,
                            TestAccounts.PASSWORD,
                            "{\"validityMinutes\": 90, \"dataLossGateWaived\": true}"),
                    200);

            assertThat(after.get("validityMinutes").asLong()).isEqualTo(90);
            assertThat(after.get("dataLossGateWaived").asBoolean())
                    .as("only drills may skip the data-loss gate: the field does not apply and keeps its value")
                    .isFalse();
            assertThat(after.get("requiredApprovers")).isEqualTo(before.get("requiredApprovers"));
            TestAccounts.signIn("policy-api-auditor", Role.AUDITOR);
            String was = "validity="
                    + Duration.ofMinutes(before.get("validityMinutes").asLong());
            assertThat(AuditReads.byOrAbout(audit, ADMIN, "SETTINGS_CHANGED", 50))
                    .filteredOn(entry -> entry.target().equals("approval policy run:CONFIGURATION"))
                    .extracting(AuditEntry::details)
                    .anySatisfy(details -> assertThat(details).matches(".*" + was + ".* -> .*validity=PT1H30M.*"));
        } finally {
            http.put(
                    PATH + "/run:CONFIGURATION",
                    ADMIN,
                    TestAccounts.PASSWORD,
                    "{\"validityMinutes\": " + before.get("validityMinutes").asLong() + "}");
        }
    }

    @Test
    void anUnknownKindIsNotFoundAndAnOutOfRangePolicyIsRefused() {
        HttpResponse<String> unknown = http.put(PATH + "/run:NOTHING", ADMIN, TestAccounts.PASSWORD, "{}");
        HttpResponse<String> tooMany =
                http.put(PATH + "/run:PLANNED", ADMIN, TestAccounts.PASSWORD, "{\"requiredApprovers\": 9}");

        assertThat(read(unknown, 404).get("error").asString()).isEqualTo("approval_kind_unknown");
        assertThat(read(tooMany, 422).get("error").asString()).isEqualTo("approval_policy_approvers_range");
    }

    @Test
    void aPolicyNobodyCouldSatisfyIsRefusedWithTheReasonInTheCallersLanguage() {
        AccountStandings standings = AccountStandings.take(userAccounts).onlyApprovers(Set.of("standing-approver-1"));
        try {
            HttpResponse<String> english =
                    http.put(PATH + "/run:PLANNED", ADMIN, TestAccounts.PASSWORD, "{\"requiredApprovers\": 2}");
            HttpResponse<String> french = http.put(
                    PATH + "/run:PLANNED",
                    ADMIN,
                    TestAccounts.PASSWORD,
                    "{\"requiredApprovers\": 2}",
                    "Accept-Language",
                    "fr");

            assertThat(read(english, 422).get("error").asString()).isEqualTo("approval_policy_unsatisfiable");
            assertThat(read(english, 422).get("message").asString())
                    .startsWith("Separation of duties: this policy requires 2 approvers, but only one is eligible");
            assertThat(read(french, 422).get("message").asString())
                    .startsWith("Séparation des tâches : cette règle exige 2 approbateurs, mais un seul est éligible");
            assertThat(read(http.get(PATH + "/run:PLANNED", ADMIN, TestAccounts.PASSWORD), 200)
                            .get("eligibleApprovers")
                            .asInt())
                    .isEqualTo(1);
        } finally {
            standings.restore();
        }
    }

    private JsonNode read(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }
}
