package dev.ecsiamguard.app;

import dev.ecsiamguard.aws.AccountRoleLookup;
import dev.ecsiamguard.aws.AwsClients;
import dev.ecsiamguard.aws.EcsAccountSettingsReader;
import dev.ecsiamguard.aws.EventPublisher;
import dev.ecsiamguard.aws.RoleCache;
import dev.ecsiamguard.aws.RoleReads;
import dev.ecsiamguard.aws.SecurityHubFindings;
import dev.ecsiamguard.aws.TaskDefinitions;
import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.Report;
import dev.ecsiamguard.core.RuleError;
import dev.ecsiamguard.core.ReportJson;
import dev.ecsiamguard.core.json.Json;
import dev.ecsiamguard.core.taskdef.TaskDefinition;
import dev.ecsiamguard.core.taskdef.EcsAccountSettings;
import dev.ecsiamguard.core.taskdef.TaskDefinitionContext;
import dev.ecsiamguard.core.validation.TaskDefinitionValidator;
import dev.ecsiamguard.event.TaskDefinitionRegistered;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Validates one newly registered revision: describe it, load its roles, run the catalogue, then publish the report,
 * optionally send it to Security Hub, and in enforce mode mark (or deregister) a revision that fails.
 */
public final class TaskDefinitionValidation {

    public static final String DETAIL_TYPE = "Task Definition Validated";
    public static final String COMPLIANCE_TAG = "ecs-iam-guard:compliance";

    private final ValidationConfig config;
    private final TaskDefinitions taskDefinitions;
    private final EcsAccountSettings settings;
    private final IamClient iam;
    private final EventPublisher publisher;
    private final Optional<SecurityHubFindings> securityHub;
    private final Clock clock;
    private final RemediationStep remediation;
    private RoleCache roleCache = RoleCache.off();

    public TaskDefinitionValidation(ValidationConfig config, AwsClients clients) {
        this(config, new TaskDefinitions(clients.ecs()), new EcsAccountSettingsReader(clients.ecs()), clients.iam(),
                new EventPublisher(clients.eventBridge(), config.busName()),
                config.securityHubEnabled() ? Optional.of(new SecurityHubFindings(clients.settings()))
                        : Optional.empty(), Clock.systemUTC(), new RemediationStep(clients,
                        new EventPublisher(clients.eventBridge(), config.busName())));
    }

    TaskDefinitionValidation(ValidationConfig config, TaskDefinitions taskDefinitions, EcsAccountSettings settings,
                             IamClient iam,
                             EventPublisher publisher, Optional<SecurityHubFindings> securityHub, Clock clock,
                             RemediationStep remediation) {
        this.config = config;
        this.taskDefinitions = taskDefinitions;
        this.settings = settings;
        this.iam = iam;
        this.publisher = publisher;
        this.securityHub = securityHub;
        this.clock = clock;
        this.remediation = remediation;
    }

    /** Reads roles through the execution environment's cache (the function's settings); without it, fresh. */
    public TaskDefinitionValidation withRoleCache(RoleCache cache) {
        this.roleCache = cache;
        return this;
    }

    public ValidationResult validate(TaskDefinitionRegistered event) {
        String mode = config.mode().name().toLowerCase(java.util.Locale.ROOT);
        Optional<TaskDefinitions.Described> described = taskDefinitions.describe(event.describeTarget());
        if (described.isEmpty()) {
            return ValidationResult.gone(event.describeTarget(), mode);
        }
        TaskDefinition td = described.get().definition();
        TaskDefinitionContext context = TaskDefinitionContext.defaults().withAccountId(event.account())
                .withAllowedImageRegistries(config.allowedImageRegistries())
                .withRolePinning(config.rolePinning().orElse(null))
                .withAccountLogMode(settings.defaultLogDriverMode());
        TaskDefinitionValidator validator = new TaskDefinitionValidator(context, event.region());
        List<String> actions = new ArrayList<>();
        RoleReads reads = roleCache.begin(iam, java.util.Arrays.asList(td.executionRoleArn(), td.taskRoleArn()));
        Report report = remediatedReport(validator.validate(td, new AccountRoleLookup(iam, event.account(), reads),
                described.get().tags()), validator, td, event, described.get().tags(), actions, reads);
        boolean passed = report.passed(config.threshold());
        if (config.enforcing() && !passed && "ACTIVE".equals(described.get().status())) {
            taskDefinitions.tag(td.arn(), COMPLIANCE_TAG, "NON_COMPLIANT");
            actions.add("tagged " + COMPLIANCE_TAG + "=NON_COMPLIANT");
            if (config.deregisterNonCompliant()) {
                taskDefinitions.deregister(td.arn());
                actions.add("deregistered");
            }
        }
        securityHub.ifPresent(hub -> {
            hub.importFindings(report, event.account(), event.region(), clock.instant());
            actions.add("sent " + report.findings().size() + " findings" + (report.errors().isEmpty() ? ""
                    : " and " + report.errors().size() + " rule errors") + " to Security Hub");
        });
        Map<String, Object> reportMap = ReportJson.toMap(report, config.threshold());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskDefinitionArn", td.arn());
        detail.put("family", td.family());
        detail.put("revision", td.revision());
        detail.put("mode", mode);
        detail.put("actions", actions);
        detail.putAll(reportMap);
        publisher.publish(DETAIL_TYPE, Json.write(detail), td.arn());
        return new ValidationResult("ok", td.arn(), mode, passed, reportMap, actions, "");
    }

    // Remediate is a step after validation: when it grants something, the revision is validated again.
    private Report remediatedReport(Report report, TaskDefinitionValidator validator, TaskDefinition td,
                                    TaskDefinitionRegistered event, Map<String, String> tags, List<String> actions,
                                    RoleReads reads) {
        if (config.remediation().isEmpty()) {
            return report;
        }
        var outcome = remediation.remediate(config.remediation().get(), td, event, tags);
        outcome.granted().forEach(g -> actions.add("granted " + String.join(", ", g.grant().actions()) + " on "
                + g.grant().resource() + " to " + outcome.executionRole() + " (" + g.why() + ")"));
        Report judged = outcome.granted().isEmpty() ? report
                : validator.validate(td, new AccountRoleLookup(iam, event.account(), reads), tags);
        // What only remediation sees (a secret's KMS key) joins the rules' own results.
        List<Finding> findings = new ArrayList<>(judged.findings());
        findings.addAll(outcome.findings());
        List<RuleError> errors = new ArrayList<>(judged.errors());
        errors.addAll(outcome.errors());
        return new Report(judged.subject(), findings, errors);
    }
}
