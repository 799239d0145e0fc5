package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ecsiamguard.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world policy in the shared corpus parses, or fails with a located error where IAM would refuse it.
 * The corpus lives outside the repository: set {@code -Dcorpus.dir=...} or {@code ECS_IAM_GUARD_CORPUS}; the default
 * is {@code ../../shared/corpus} from the functions module. When it is absent the test is skipped, not failed.
 */
class PolicyCorpusTest {

    /**
     * Files IAM would reject, with the located message we expect. All are unrendered IaC templates or docs samples:
     * placeholders where IAM needs an ARN or an account id.
     */
    private static final Map<String, String> EXPECTED_FAILURES = Map.of(
            "iam-permission-policies/017-safwan-18-TCS-ion-project-.json",
            "statement 3: field `Resource`: expected `*` or an ARN, got `${LOG_GROUP_ARN}`",
            "iam-permission-policies/027-nationalarchives-tdr-terraform-environments.json",
            "statement 1: field `Resource`: expected `*` or an ARN, got `${cloudwatch_log_group}`",
            "iam-permission-policies/028-nationalarchives-tdr-terraform-environments.json",
            "field `Resource`: expected `*` or an ARN, got `${kms_arn}`",
            "iam-trust-policies/015-dadesina-omnirapeutic.json",
            "statement 1: field `Principal` `Federated`: not a valid Federated principal",
            "iam-trust-policies/019-dvdmelamed-aws-infra.json",
            "statement 1: field `Principal` `Federated`: not a valid Federated principal: `${trusted_entity}`",
            "iam-trust-policies/020-nizam6486-poc-3.json",
            "statement 1: field `Principal` `Federated`: not a valid Federated principal");

    static Path corpusDir() {
        return Corpus.dir();
    }

    static Stream<Arguments> corpusFiles() throws IOException {
        Path root = corpusDir();
        if (!Files.isDirectory(root)) {
            return Stream.of(Arguments.of(null, null));
        }
        List<Arguments> files = new java.util.ArrayList<>();
        for (String folder : List.of("iam-trust-policies", "iam-permission-policies")) {
            PolicyKind kind = folder.startsWith("iam-trust") ? PolicyKind.TRUST : PolicyKind.IDENTITY;
            try (Stream<Path> paths = Files.list(root.resolve(folder))) {
                paths.filter(p -> p.toString().endsWith(".json")).sorted()
                        .forEach(p -> files.add(Arguments.of(folder + "/" + p.getFileName(), kind)));
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void parse_whenCorpusFile_parsesOrFailsWhereIamWould(String relative, PolicyKind kind) throws IOException {
        assumeTrue(relative != null, "policy corpus not found at " + corpusDir().toAbsolutePath()
                + "; set -Dcorpus.dir or ECS_IAM_GUARD_CORPUS to run this test");
        String text = Files.readString(corpusDir().resolve(relative), StandardCharsets.UTF_8);

        if (EXPECTED_FAILURES.containsKey(relative)) {
            assertThatThrownBy(() -> PolicyDocument.parse(text, kind)).isInstanceOf(PolicyParseException.class)
                    .hasMessageContaining(EXPECTED_FAILURES.get(relative));
        } else {
            PolicyDocument doc = PolicyDocument.parse(text, kind);
            assertThat(doc.statements()).isNotEmpty();
            if (kind == PolicyKind.TRUST) {
                assertThat(PolicyQuestions.trustGrants(new NamedPolicy(relative, doc))).isNotEmpty();
            }
        }
    }
}
