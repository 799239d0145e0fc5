package dev.ecsiamguard.aws;

import dev.ecsiamguard.core.provision.Change;
import dev.ecsiamguard.core.provision.DesiredLogGroup;
import dev.ecsiamguard.core.provision.LogGroupState;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/** Reads log groups into {@link LogGroupState} snapshots and applies log group changes. */
public final class LogGroups {

    private final CloudWatchLogsClient logs;

    public LogGroups(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    /**
     * For planning: like {@link #read} but without the tags when the retention is already the desired one, since
     * the reconciler consults them (who manages the group) only to decide whether it may change the retention.
     */
    public LogGroupState readForPlan(DesiredLogGroup want) {
        Optional<LogGroup> found = find(want.name());
        if (found.isPresent() && Integer.valueOf(want.retentionDays()).equals(found.get().retentionInDays())) {
            return new LogGroupState(want.name(), true, arnOf(found.get()), Optional.of(want.retentionDays()),
                    Map.of());
        }
        return found.map(this::state).orElse(LogGroupState.absent(want.name()));
    }

    public LogGroupState read(String name) {
        return find(name).map(this::state).orElse(LogGroupState.absent(name));
    }

    private Optional<LogGroup> find(String name) {
        return logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
                .filter(g -> g.logGroupName().equals(name)).findFirst();
    }

    private LogGroupState state(LogGroup group) {
        String arn = arnOf(group);
        Map<String, String> tags = new TreeMap<>(logs.listTagsForResource(r -> r.resourceArn(arn)).tags());
        return new LogGroupState(group.logGroupName(), true, arn, Optional.ofNullable(group.retentionInDays()),
                tags);
    }

    // DescribeLogGroups gives `...:log-group:NAME:*`; the tagging API wants the ARN without `:*`.
    private static String arnOf(LogGroup group) {
        return group.arn().endsWith(":*") ? group.arn().substring(0, group.arn().length() - 2) : group.arn();
    }

    public boolean apply(Change change) {
        if (change instanceof Change.CreateLogGroup c) {
            logs.createLogGroup(r -> r.logGroupName(c.logGroup().name()).tags(c.logGroup().tags()));
        } else if (change instanceof Change.PutRetention c) {
            logs.putRetentionPolicy(r -> r.logGroupName(c.logGroupName()).retentionInDays(c.days()));
        } else {
            return false;
        }
        return true;
    }
}
