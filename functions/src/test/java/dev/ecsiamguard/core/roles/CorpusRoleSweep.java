package dev.ecsiamguard.core.roles;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.github.DeployRole;
import dev.ecsiamguard.core.github.DeployRules;
import dev.ecsiamguard.core.policy.NamedPolicy;
import dev.ecsiamguard.core.policy.PolicyDocument;
import dev.ecsiamguard.core.policy.PolicyParseException;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Not a test: prints, for every permission policy of the shared corpus judged as a task role, an execution role
 * and a deploy role, the rule ids it gets, then the totals per rule id, so two builds can be diffed.
 * Run: {@code java -cp <test classpath> dev.ecsiamguard.core.roles.CorpusRoleSweep [corpus dir]}.
 */
public final class CorpusRoleSweep {

    private CorpusRoleSweep() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = (args.length > 0 ? Path.of(args[0]) : Corpus.dir()).resolve("iam-permission-policies");
        Map<String, Integer> totals = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                PolicyDocument doc;
                try {
                    doc = PolicyDocument.parseIdentity(Files.readString(file));
                } catch (PolicyParseException e) {
                    System.out.println(name + "\tunparsable");
                    continue;
                }
                NamedPolicy policy = new NamedPolicy("arn:aws:iam::" + RoleFixtures.ACCOUNT + ":policy/sweep", doc);
                System.out.println(name + "\ttask\t" + ids(roleRules(policy, false), totals, "task "));
                System.out.println(name + "\texec\t" + ids(roleRules(policy, true), totals, "exec "));
                System.out.println(name + "\tdeploy\t" + ids(deployRules(policy), totals, "deploy "));
            }
        }
        totals.forEach((id, n) -> System.out.println("TOTAL\t" + id + "\t" + n));
    }

    private static List<String> roleRules(NamedPolicy policy, boolean execution) {
        String arn = execution ? RoleFixtures.EXEC : RoleFixtures.TASK;
        RoleSnapshot role = new RoleSnapshot(arn, arn.substring(arn.lastIndexOf('/') + 1), "/",
                new NamedPolicy("trust", PolicyDocument.parseTrust(RoleFixtures.TRUST)), List.of(), List.of(policy),
                Optional.empty(), Map.of());
        TaskDefinition td = RoleFixtures.td(RoleFixtures.container("\"image\":\"nginx\""));
        RoleAnalysisContext ctx = RoleFixtures.ctx(execution ? role : null, execution ? null : role, Map.of());
        List<String> out = new ArrayList<>();
        for (RoleRule rule : RoleRules.ALL) {
            String id = rule.metadata().id();
            boolean relevant = execution ? id.startsWith("EXEC-") : id.startsWith("TASK-");
            if (!relevant) {
                continue;
            }
            try {
                rule.check(td, ctx).forEach(f -> out.add(f.rule().id() + "/" + f.severity()));
            } catch (RuntimeException e) {
                out.add(id + "/ERROR");
            }
        }
        return out;
    }

    private static List<String> deployRules(NamedPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        List<RuleError> errors = new ArrayList<>();
        DeployRules.run(new DeployRole("arn:aws:iam::" + RoleFixtures.ACCOUNT + ":role/deploy", RoleFixtures.ACCOUNT,
                "aws", List.of(policy), Optional.empty(), Optional.empty()), findings, errors);
        List<String> out = new ArrayList<>(findings.stream().map(f -> f.rule().id() + "/" + f.severity()).toList());
        errors.forEach(e -> out.add("ERROR"));
        return out;
    }

    private static String ids(List<String> ids, Map<String, Integer> totals, String prefix) {
        ids.forEach(id -> totals.merge(prefix + id, 1, Integer::sum));
        return ids.isEmpty() ? "-" : String.join(" ", ids);
    }
}
