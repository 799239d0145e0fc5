package dev.ecsiamguard.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.trust.TrustRules;
import dev.ecsiamguard.core.trust.TrustedRole;
import dev.ecsiamguard.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every trust policy of the shared corpus gets the verdict written here (rule id and severity). GitHub roles are
 * judged by the OIDC rules, the others as ECS task roles by the trust rules. Unrendered templates IAM would refuse
 * are expected to fail parsing instead.
 */
class GitHubTrustCorpusTest {

    private static final String ANY_REF = "OIDC-SUB-WILDCARD:LOW";
    private static final String NO_DEPUTY_CONDITIONS = "TRUST-CONFUSED-DEPUTY:MEDIUM";
    private static final String ONE_DEPUTY_CONDITION = "TRUST-CONFUSED-DEPUTY:LOW";

    private static final Map<String, List<String>> VERDICTS = new TreeMap<>(Map.ofEntries(
            Map.entry("001-AbdimajidHussein03-snipeit-ecs-deployment.json", List.of()),
            Map.entry("002-Ezulu-Chinwendu-FinTrust-Global.json", List.of(ANY_REF)),
            Map.entry("003-Mohit7019-lift-please.json", List.of("OIDC-SUB-WILDCARD:MEDIUM")),
            Map.entry("004-TECHNO98-AI-fail2ban-aws-project.json", List.of(ANY_REF)),
            Map.entry("005-abd-hadi-document-approval-app.json", List.of(ANY_REF)),
            Map.entry("006-buthelezim06-terragrunt-aws-ha.json", List.of()),
            Map.entry("007-christina-ux-FreshTry.json", List.of(ANY_REF)),
            Map.entry("008-ethio-cloud-aws-ai-bluegreen-project.json", List.of()),
            Map.entry("009-iamMichaelSmith-The-Lab-Barbershop-Website.json", List.of()),
            Map.entry("010-killmonger331-serverless-helpdesk-ticketing-system.json", List.of()),
            Map.entry("011-KhurshidUmid-giga-caddy.json", List.of("OIDC-AUD-MISSING:MEDIUM", ANY_REF)),
            Map.entry("012-NNDSrinivas-autonomous-engineering-platform.json", List.of()),
            Map.entry("013-SzczypkaWeb-infra.json", List.of()),
            Map.entry("014-thixpin-redemption-infra.json", List.of(ANY_REF)),
            Map.entry("016-JakubSzuber-test-project.json", List.of(ANY_REF)),
            Map.entry("017-Goodmartinsgit-My_Final_Project-Hexagon.json",
                    List.of("OIDC-SUB-WILDCARD:CRITICAL")),
            Map.entry("018-fernando-m-vale-superseller-ia.json", List.of()),
            Map.entry("021-aidaikin91-projectx-repo.json", List.of(ANY_REF)),
            Map.entry("022-protofire-telos-privacy-wallet.json", List.of()),
            Map.entry("023-AuthByte-the-floor2.json", List.of()),
            Map.entry("024-cojocloud-aws-ecs-terraform-deploy.json", List.of(ANY_REF)),
            Map.entry("025-sdrdh-guessgame.json", List.of(ANY_REF)),
            Map.entry("026-tobiakinlade-attendance-app.json", List.of(ANY_REF)),
            Map.entry("027-AtifMohd1-ResumeIQ.json", List.of(ANY_REF)),
            Map.entry("028-flaniyan-CS_450_Phase_2.json", List.of(ANY_REF)),
            Map.entry("029-PedroMarta04-week11-project.json", List.of(ANY_REF)),
            Map.entry("030-GeofftheDeov-PersonalWebApp.json", List.of(NO_DEPUTY_CONDITIONS)),
            Map.entry("031-Saad-alsaleh87-UdacityProject4.json", List.of(NO_DEPUTY_CONDITIONS)),
            Map.entry("032-suzaladhikari-eventgateway.json", List.of(NO_DEPUTY_CONDITIONS)),
            Map.entry("033-venkatagoutham254-product_priceplan_service.json", List.of(NO_DEPUTY_CONDITIONS)),
            Map.entry("034-daus2936-ecs-fikom.json", List.of(NO_DEPUTY_CONDITIONS)),
            Map.entry("035-safwan-18-TCS-ion-project-.json",
                    List.of(NO_DEPUTY_CONDITIONS, "TRUST-EXTRA-PRINCIPALS:MEDIUM")),
            Map.entry("036-jakemeout-quantum-curator-backend.json", List.of("EXEC-TRUST:HIGH")),
            Map.entry("037-nationalarchives-tdr-terraform-environments.json", List.of(ONE_DEPUTY_CONDITION)),
            Map.entry("038-uk-gov-mirror-nationalarchives.tdr-terraform-backend.json", List.of(ONE_DEPUTY_CONDITION)),
            Map.entry("039-AVCorn-avcorn.json", List.of(NO_DEPUTY_CONDITIONS, "TRUST-EXTRA-PRINCIPALS:MEDIUM")),
            Map.entry("040-hthuku95-tutor_space.json", List.of(NO_DEPUTY_CONDITIONS)),
            Map.entry("041-ignite-pilot-ig-notification.json", List.of(NO_DEPUTY_CONDITIONS))));

    /** Placeholders where IAM needs an account id or a provider ARN: IAM refuses these files as they are. */
    private static final List<String> UNRENDERED = List.of("015-dadesina-omnirapeutic.json",
            "019-dvdmelamed-aws-infra.json", "020-nizam6486-poc-3.json");

    static Stream<Arguments> trustFiles() throws IOException {
        Path folder = Corpus.dir().resolve("iam-trust-policies");
        if (!Files.isDirectory(folder)) {
            return Stream.of(Arguments.of((Object) null));
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .map(Arguments::of).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trustFiles")
    void check_whenCorpusTrustPolicy_givesTheWrittenVerdict(String file) throws IOException {
        assumeTrue(file != null, "policy corpus not found at " + Corpus.dir().toAbsolutePath());
        String text = Files.readString(Corpus.dir().resolve("iam-trust-policies").resolve(file),
                StandardCharsets.UTF_8);
        if (UNRENDERED.contains(file)) {
            assertThatThrownBy(() -> PolicyDocument.parseTrust(text)).isInstanceOf(PolicyParseException.class);
            return;
        }
        assertThat(VERDICTS).as("every corpus file has a written verdict").containsKey(file);

        assertThat(verdict(file, PolicyDocument.parseTrust(text)))
                .containsExactlyInAnyOrderElementsOf(VERDICTS.get(file));
    }

    @Test
    void verdicts_whenCorpusPresent_coverEveryFileAndNoMore() throws IOException {
        assumeTrue(Corpus.present(), "policy corpus not found");
        List<String> files = trustFiles().map(a -> (String) a.get()[0]).filter(f -> !UNRENDERED.contains(f))
                .toList();

        assertThat(VERDICTS.keySet()).containsExactlyInAnyOrderElementsOf(files);
    }

    private static List<String> verdict(String file, PolicyDocument document) {
        NamedPolicy trust = new NamedPolicy("trust", document);
        TrustedRole probe = TrustedRole.of(file, Optional.empty(), trust, false);
        GitHubTrust github = GitHubTrust.of(probe, Optional.empty(), false);
        TrustedRole role = TrustedRole.of(file, Optional.empty(), trust, !github.trustsGitHub());
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        TrustRules.run(role, findings, errors);
        GitHubTrustRules.run(github, findings, errors);
        assertThat(errors).isEmpty();
        return findings.stream().map(f -> f.rule().id() + ":" + f.severity()).distinct().toList();
    }
}
