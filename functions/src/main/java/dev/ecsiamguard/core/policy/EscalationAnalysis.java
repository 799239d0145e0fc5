package dev.ecsiamguard.core.policy;

import dev.ecsiamguard.core.policy.EscalationPath.Grade;
import dev.ecsiamguard.core.policy.EscalationPath.Step;
import dev.ecsiamguard.core.policy.EscalationPath.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Admin-equivalence and privilege escalation as questions to the engine: every probe and every step of every
 * {@link EscalationCatalog} path is a request evaluated with the principal's policies, denies, conditions and
 * permissions boundary, on resources nobody named (so only grants that reach them count). A step whose answer
 * depends on context the call cannot supply (a required tag, MFA) is not counted as allowed.
 */
public final class EscalationAnalysis {

    private static final Pattern CUSTOMER_POLICY = Pattern.compile("arn:[^:]+:iam::\\d{12}:policy/.+");
    private static final String PROBE = "ecs-iam-guard-probe";

    /** High-impact actions across services: allowed together only to an administrator. */
    private static final List<String[]> FULL_ACCESS_PROBES = List.of(
            new String[] {"iam:CreateUser", "iam", "", "user/" + PROBE},
            new String[] {"iam:DeleteRole", "iam", "", "role/" + PROBE},
            new String[] {"sts:AssumeRole", "iam", "", "role/" + PROBE},
            new String[] {"s3:DeleteBucket", "s3", "-", PROBE},
            new String[] {"ec2:TerminateInstances", "ec2", "r", "instance/i-0123456789abcdef0"},
            new String[] {"kms:ScheduleKeyDeletion", "kms", "r", "key/00000000-0000-4000-8000-000000000000"},
            new String[] {"dynamodb:DeleteTable", "dynamodb", "r", "table/" + PROBE},
            new String[] {"lambda:DeleteFunction", "lambda", "r", "function:" + PROBE},
            new String[] {"secretsmanager:GetSecretValue", "secretsmanager", "r", "secret:" + PROBE + "-AbCdEf"},
            new String[] {"cloudtrail:StopLogging", "cloudtrail", "r", "trail/" + PROBE},
            new String[] {"organizations:LeaveOrganization", "*", "", ""},
            new String[] {"rds:DeleteDBInstance", "rds", "r", "db:" + PROBE});

    private final PolicyEvaluator evaluator;
    private final Subject subject;
    private final Map<String, EvaluationResult> answers = new HashMap<>();

    /**
     * The principal whose own permissions are judged.
     *
     * @param region where regional probe resources are built (the region the principal works in)
     */
    public record Subject(String roleArn, String partition, String account, String region) {
    }

    /** A path the principal can take, whether it ends in full access, and the statements that open it. */
    public record Found(EscalationPath path, boolean reachesAdmin, List<StatementRef> openedBy) {

        /** E.g. {@code IAM-PUT-SELF: iam:PutRolePolicy, to write an inline policy on its own role (policy ...)}. */
        public String describe() {
            return path.id() + ": " + String.join(" + ", path.steps().stream().map(Step::action).distinct().toList())
                    + ", to " + path.title() + " (" + String.join(", ", openedBy.stream().map(StatementRef::describe)
                    .toList()) + ")";
        }
    }

    /**
     * The first paths in full and the others by id, so a finding's sentence stays short enough to be read (and
     * under the message bound) even when a broad policy opens every path of the catalogue.
     */
    public static String describeAll(List<Found> found) {
        int shown = Math.min(found.size(), 3);
        String described = String.join("; ", found.subList(0, shown).stream().map(Found::describe).toList());
        if (found.size() == shown) {
            return described;
        }
        return described + "; and " + (found.size() - shown) + " more: " + String.join(", ",
                found.subList(shown, found.size()).stream().map(f -> f.path().id()).toList());
    }

    /** Direct full access (with the statements granting it) and every path found, in catalogue order. */
    public record Verdict(List<StatementRef> fullAccess, List<Found> paths) {

        public Verdict {
            fullAccess = List.copyOf(fullAccess);
            paths = List.copyOf(paths);
        }

        public boolean hasFullAccess() {
            return !fullAccess.isEmpty();
        }

        /** Full administrative access, held or reachable. */
        public boolean isAdminEquivalent() {
            return hasFullAccess() || !adminPaths().isEmpty();
        }

        public List<Found> adminPaths() {
            return paths.stream().filter(Found::reachesAdmin).toList();
        }

        /** Paths that gain privileges without ending in full access for certain. */
        public List<Found> otherPaths() {
            return paths.stream().filter(p -> !p.reachesAdmin()).toList();
        }
    }

    public EscalationAnalysis(PolicyEvaluator evaluator, Subject subject) {
        this.evaluator = evaluator;
        this.subject = subject;
    }

    public Verdict analyse() {
        List<StatementRef> fullAccess = fullAccess(evaluator);
        if (!fullAccess.isEmpty()) {
            return new Verdict(fullAccess, List.of());
        }
        boolean unbounded = evaluator.boundary().isEmpty()
                || !fullAccess(new PolicyEvaluator(List.of(evaluator.boundary().get()), null)).isEmpty()
                || allowed(Step.of("iam:DeleteRolePermissionsBoundary", Target.SELF_ROLE)).isPresent()
                || allowed(Step.of("iam:PutRolePermissionsBoundary", Target.SELF_ROLE)).isPresent();
        List<Found> found = new ArrayList<>();
        for (EscalationPath path : EscalationCatalog.ALL) {
            Set<StatementRef> openedBy = new LinkedHashSet<>();
            boolean open = true;
            for (Step step : path.steps()) {
                Optional<List<StatementRef>> refs = allowed(step);
                if (refs.isEmpty()) {
                    open = false;
                    break;
                }
                openedBy.addAll(refs.get());
            }
            if (open) {
                boolean admin = path.grade() == Grade.ADMIN && (!path.selfGrant() || unbounded);
                found.add(new Found(path, admin, List.copyOf(openedBy)));
            }
        }
        return new Verdict(List.of(), found);
    }

    /** The statements allowing every probe, or empty when one probe is not allowed for certain. */
    private List<StatementRef> fullAccess(PolicyEvaluator judge) {
        Set<StatementRef> refs = new LinkedHashSet<>();
        for (String[] probe : FULL_ACCESS_PROBES) {
            String resource = probe[1].equals("*") ? "*" : "arn:" + subject.partition() + ":" + probe[1] + ":"
                    + (probe[2].equals("r") ? subject.region() : "") + ":"
                    + (probe[2].equals("-") ? "" : subject.account()) + ":" + probe[3];
            EvaluationResult result = judge.evaluate(request(probe[0], resource, Map.of()));
            if (!result.isAllowed()) {
                return List.of();
            }
            refs.addAll(result.allowedBy());
        }
        return List.copyOf(refs);
    }

    /** The statements allowing a step for certain, on any of its resources; empty when none does. */
    private Optional<List<StatementRef>> allowed(Step step) {
        for (String resource : resources(step.target())) {
            Map<String, String> context = new HashMap<>();
            step.context().forEach((k, v) -> context.put(k, v.replace(EscalationCatalog.ADMIN_POLICY,
                    "arn:" + subject.partition() + ":iam::aws:policy/AdministratorAccess")
                    .replace(EscalationCatalog.NEW_POLICY_ARN, iam("policy/" + PROBE + "-new"))));
            String key = step.action() + " " + resource + " " + context;
            EvaluationResult result = answers.computeIfAbsent(key, k -> evaluator.evaluate(request(step.action(),
                    resource, context)));
            if (result.isAllowed()) {
                return Optional.of(result.allowedBy());
            }
        }
        return Optional.empty();
    }

    private Request request(String action, String resource, Map<String, String> stepContext) {
        Request request = Request.of(action, resource)
                .with("aws:PrincipalArn", subject.roleArn())
                .with("aws:PrincipalAccount", subject.account())
                .with("aws:PrincipalType", "AssumedRole")
                .with("aws:PrincipalIsAWSService", "false");
        String[] parts = resource.split(":", 6);
        if (parts.length == 6 && !parts[3].isEmpty()) {
            request = request.with("aws:RequestedRegion", parts[3]);
        }
        for (Map.Entry<String, String> entry : stepContext.entrySet()) {
            request = request.with(entry.getKey(), entry.getValue());
        }
        return request;
    }

    private List<String> resources(Target target) {
        return switch (target) {
            case SELF_ROLE -> List.of(subject.roleArn());
            case NEW_ROLE -> List.of(iam("role/" + PROBE + "-new"));
            case OTHER_ROLE -> List.of(iam("role/" + PROBE));
            case FOREIGN_ROLE -> List.of("arn:" + subject.partition() + ":iam::"
                    + (subject.account().equals("000000000000") ? "111111111111" : "000000000000") + ":role/" + PROBE);
            case NEW_USER -> List.of(iam("user/" + PROBE + "-new"));
            case OTHER_USER -> List.of(iam("user/" + PROBE));
            case SELF_POLICY -> evaluator.identityPolicies().stream().map(NamedPolicy::name)
                    .filter(name -> CUSTOMER_POLICY.matcher(name).matches()).toList();
            case OTHER_POLICY -> List.of(iam("policy/" + PROBE));
            case NEW_POLICY -> List.of(iam("policy/" + PROBE + "-new"));
            case LAMBDA_FUNCTION -> List.of(regional("lambda", "function:" + PROBE));
            case ECS_TASK_DEFINITION -> List.of(regional("ecs", "task-definition/" + PROBE + ":1"));
            case ECS_CLUSTER -> List.of(regional("ecs", "cluster/" + PROBE));
            case ECS_SERVICE -> List.of(regional("ecs", "service/" + PROBE + "/" + PROBE));
            case ECS_TASK -> List.of(regional("ecs", "task/" + PROBE + "/0123456789abcdef0123456789abcdef"));
            case EC2_INSTANCE -> List.of(regional("ec2", "instance/i-0123456789abcdef0"));
            case GLUE_DEV_ENDPOINT -> List.of(regional("glue", "devEndpoint/" + PROBE));
            case GLUE_JOB -> List.of(regional("glue", "job/" + PROBE));
            case CLOUDFORMATION_STACK -> List.of(regional("cloudformation", "stack/" + PROBE
                    + "/00000000-0000-4000-8000-000000000000"));
            case CODEBUILD_PROJECT -> List.of(regional("codebuild", "project/" + PROBE));
            case SAGEMAKER_NOTEBOOK -> List.of(regional("sagemaker", "notebook-instance/" + PROBE));
            case ANY -> List.of("*");
        };
    }

    private String iam(String resource) {
        return "arn:" + subject.partition() + ":iam::" + subject.account() + ":" + resource;
    }

    private String regional(String service, String resource) {
        return "arn:" + subject.partition() + ":" + service + ":" + subject.region() + ":" + subject.account() + ":"
                + resource;
    }
}
