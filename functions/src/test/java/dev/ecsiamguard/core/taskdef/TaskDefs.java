package dev.ecsiamguard.core.taskdef;

import dev.ecsiamguard.core.Finding;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.EnvironmentFile;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.EnvironmentVariable;
import dev.ecsiamguard.core.taskdef.ContainerDefinition.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test factories: a task definition that passes every rule by default, changed one field at a time. */
final class TaskDefs {

    static final String ACCOUNT = "123456789012";
    static final String ARN = "arn:aws:ecs:eu-west-1:" + ACCOUNT + ":task-definition/web-app:3";
    static final String EXEC_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/web-app-exec";
    static final String TASK_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/web-app-task";
    static final String ECR_IMAGE = ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com/web@sha256:"
            + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private TaskDefs() {
    }

    static Td td() {
        return new Td();
    }

    static C container(String name) {
        return new C(name);
    }

    /** The default task definition with one container changed. */
    static TaskDefinition with(C container) {
        return td().container(container).build();
    }

    static List<Finding> check(TaskDefinitionRule rule, TaskDefinition td) {
        return rule.check(td, TaskDefinitionContext.defaults());
    }

    /** Builds {@link TaskDefinition}; starts compliant (Fargate, awsvpc, distinct roles, one good container). */
    static final class Td {
        String arn = ARN;
        String family = "web-app";
        int revision = 3;
        String networkMode = "awsvpc";
        String pidMode;
        String ipcMode;
        List<String> compatibilities = List.of("FARGATE");
        String memory = "512";
        String executionRole = EXEC_ROLE;
        String taskRole = TASK_ROLE;
        String os;
        final List<Volume> volumes = new ArrayList<>();
        final List<C> containers = new ArrayList<>();

        Td arn(String v) { arn = v; return this; }
        Td networkMode(String v) { networkMode = v; return this; }
        Td pidMode(String v) { pidMode = v; return this; }
        Td ipcMode(String v) { ipcMode = v; return this; }
        Td compatibilities(String... v) { compatibilities = List.of(v); return this; }
        Td memory(String v) { memory = v; return this; }
        Td executionRole(String v) { executionRole = v; return this; }
        Td taskRole(String v) { taskRole = v; return this; }
        Td os(String v) { os = v; return this; }
        Td volume(Volume v) { volumes.add(v); return this; }
        Td container(C c) { containers.add(c); return this; }

        TaskDefinition build() {
            List<C> cs = containers.isEmpty() ? List.of(TaskDefs.container("web")) : containers;
            return new TaskDefinition(arn, family, revision, networkMode, pidMode, ipcMode, compatibilities, "256",
                    memory, executionRole, taskRole, os, volumes, cs.stream().map(C::build).toList());
        }
    }

    /** Builds {@link ContainerDefinition}; starts compliant (own ECR by digest, non-root, read-only, logged). */
    static final class C {
        final String name;
        String image = ECR_IMAGE;
        boolean privileged;
        String user = "1000:1000";
        boolean readonly = true;
        Integer memory = 512;
        final List<EnvironmentVariable> env = new ArrayList<>();
        final List<EnvironmentFile> envFiles = new ArrayList<>();
        final List<Secret> secrets = new ArrayList<>();
        String repositoryCredentials;
        LogConfiguration log = new LogConfiguration("awslogs", Map.of("awslogs-group", "/ecs/web-app",
                "awslogs-region", "eu-west-1", "awslogs-stream-prefix", "ecs", "mode", "non-blocking"), List.of());
        FirelensConfiguration firelens;
        List<String> capAdd = List.of();

        C(String name) { this.name = name; }

        C image(String v) { image = v; return this; }
        C privileged(boolean v) { privileged = v; return this; }
        C user(String v) { user = v; return this; }
        C readonly(boolean v) { readonly = v; return this; }
        C memory(Integer v) { memory = v; return this; }
        C env(String k, String v) { env.add(new EnvironmentVariable(k, v)); return this; }
        C envFile(String v) { envFiles.add(new EnvironmentFile(v, "s3")); return this; }
        C secret(String k, String v) { secrets.add(new Secret(k, v)); return this; }
        C repositoryCredentials(String v) { repositoryCredentials = v; return this; }
        C log(LogConfiguration v) { log = v; return this; }
        C firelens(FirelensConfiguration v) { firelens = v; return this; }
        C capAdd(String... v) { capAdd = List.of(v); return this; }

        /** Replaces or removes (value null) one awslogs option of the default log configuration. */
        C logOption(String key, String value) {
            Map<String, String> options = new LinkedHashMap<>(log.options());
            if (value == null) {
                options.remove(key);
            } else {
                options.put(key, value);
            }
            log = new LogConfiguration(log.logDriver(), options, log.secretOptions());
            return this;
        }

        ContainerDefinition build() {
            return new ContainerDefinition(name, image, true, privileged, user, readonly, memory, null, env, envFiles,
                    secrets, repositoryCredentials, log, firelens, capAdd, List.of(), List.of());
        }
    }
}
