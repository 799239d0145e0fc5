package dev.ecsiamguard.core.taskdef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskDefinitionParserTest {

    private static final String REGISTER_FILE = """
            {
              "family": "web-app",
              "networkMode": "awsvpc",
              "requiresCompatibilities": ["FARGATE"],
              "cpu": 256,
              "memory": "512",
              "executionRoleArn": "arn:aws:iam::123456789012:role/web-app-exec",
              "taskRoleArn": "arn:aws:iam::123456789012:role/web-app-task",
              "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"},
              "volumes": [
                {"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
                {"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1", "rootDirectory": "/",
                  "transitEncryption": "ENABLED", "authorizationConfig": {"iam": "ENABLED", "accessPointId": "fsap-1"}}}
              ],
              "containerDefinitions": [
                {
                  "name": "web",
                  "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0",
                  "essential": true,
                  "privileged": "true",
                  "user": "1000",
                  "readonlyRootFilesystem": false,
                  "memory": "512",
                  "memoryReservation": 256,
                  "environment": [{"name": "PORT", "value": 8080}],
                  "environmentFiles": [{"value": "arn:aws:s3:::bucket/app.env", "type": "s3"}],
                  "secrets": [{"name": "DB", "valueFrom": "/prod/db"}],
                  "repositoryCredentials": {"credentialsParameter": "creds"},
                  "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web"},
                    "secretOptions": [{"name": "token", "valueFrom": "/prod/token"}]},
                  "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
                  "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"], "drop": ["ALL"]}},
                  "mountPoints": [{"sourceVolume": "data", "containerPath": "/data", "readOnly": true}]
                }
              ]
            }
            """;

    @Test
    void parse_whenRegisterTaskDefinitionFile_readsEveryField() {
        TaskDefinition td = TaskDefinitionParser.parse(REGISTER_FILE);

        assertThat(td.arn()).isNull();
        assertThat(td.resourceArn()).isEqualTo("web-app");
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertThat(td.requiresFargate()).isTrue();
        assertThat(td.operatingSystemFamily()).isEqualTo("LINUX");
        assertThat(td.volumes()).extracting(Volume::hostSourcePath).containsExactly("/var/run/docker.sock", null);
        assertThat(td.volumes().get(1).efs())
                .isEqualTo(new Volume.EfsVolume("fs-1", "/", "ENABLED", "ENABLED", "fsap-1"));
        ContainerDefinition web = td.containers().get(0);
        assertThat(web.privileged()).isTrue();
        assertThat(web.memory()).isEqualTo(512);
        assertThat(web.memoryReservation()).isEqualTo(256);
        assertThat(web.environment()).containsExactly(new ContainerDefinition.EnvironmentVariable("PORT", "8080"));
        assertThat(web.environmentFiles()).hasSize(1);
        assertThat(web.secrets()).containsExactly(new ContainerDefinition.Secret("DB", "/prod/db"));
        assertThat(web.repositoryCredentialsParameter()).isEqualTo("creds");
        assertThat(web.logConfiguration().option("awslogs-group")).isEqualTo("/ecs/web");
        assertThat(web.logConfiguration().secretOptions()).hasSize(1);
        assertThat(web.firelensConfiguration().type()).isEqualTo("fluentbit");
        assertThat(web.capabilitiesAdded()).containsExactly("SYS_PTRACE");
        assertThat(web.capabilitiesDropped()).containsExactly("ALL");
        assertThat(web.mountPoints()).containsExactly(new ContainerDefinition.MountPoint("data", "/data", true));
    }

    @Test
    void parse_whenDescribeTaskDefinitionOutput_unwrapsAndKeepsArn() {
        String described = """
                {"taskDefinition": {
                   "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web-app:7",
                   "family": "web-app", "revision": 7, "status": "ACTIVE", "registeredAt": "2026-01-02T03:04:05Z",
                   "compatibilities": ["EC2", "FARGATE"], "requiresAttributes": [{"name": "x"}],
                   "containerDefinitions": [{"name": "web", "image": "nginx", "cpu": 0, "portMappings": []}]},
                 "tags": [{"key": "team", "value": "a"}]}
                """;

        TaskDefinition td = TaskDefinitionParser.parse(described);

        assertThat(td.resourceArn()).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:task-definition/web-app:7");
        assertThat(td.displayName()).isEqualTo("web-app:7");
        assertThat(td.containers()).extracting(ContainerDefinition::name).containsExactly("web");
    }

    @Test
    void parse_whenBareContainerArray_readsContainersWithoutTaskFields() {
        TaskDefinition td = TaskDefinitionParser.parse("[{\"name\": \"a\", \"image\": \"nginx\"}]");

        assertThat(td.family()).isNull();
        assertThat(td.resourceArn()).isEqualTo("(unnamed task definition)");
        assertThat(td.containers()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "not json                                            | not valid JSON",
            "''                                                  | empty input",
            "\"text\"                                            | expected an object",
            "{\"family\": \"x\"}                                 | containerDefinitions: missing",
            "{\"containerDefinitions\": {}}                      | containerDefinitions: expected an array",
            "{\"containerDefinitions\": []}                      | containerDefinitions: empty",
            "{\"containerDefinitions\": [7]}                     | containerDefinitions[0]: expected an object",
            "{\"containerDefinitions\": [{\"memory\": \"lots\"}]}  | containerDefinitions[0].memory: expected a whole",
            "{\"containerDefinitions\": [{\"privileged\": \"x\"}]} | containerDefinitions[0].privileged: expected true",
            "{\"containerDefinitions\": [{\"image\": [1]}]}      | containerDefinitions[0].image: expected a string",
            "{\"taskDefinition\": {\"containerDefinitions\": 1}} | taskDefinition.containerDefinitions: expected an"})
    void parse_whenMalformed_throwsLocatedMessage(String json, String expected) {
        assertThatThrownBy(() -> TaskDefinitionParser.parse(json))
                .isInstanceOf(TaskDefinitionParseException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void parse_whenThirdContainerHasBadEnvironmentEntry_namesItsPath() {
        String json = "{\"containerDefinitions\": [{}, {}, {\"environment\": [\"A=1\"]}]}";

        assertThatThrownBy(() -> TaskDefinitionParser.parse(json))
                .isInstanceOfSatisfying(TaskDefinitionParseException.class, e -> {
                    assertThat(e.location()).isEqualTo("containerDefinitions[2].environment[0]");
                    assertThat(e).hasMessage("containerDefinitions[2].environment[0]: expected an object");
                });
    }
}
