package dev.ecsiamguard.core.policy;

import static dev.ecsiamguard.core.policy.EscalationPath.Grade.ADMIN;
import static dev.ecsiamguard.core.policy.EscalationPath.Grade.PRIVESC;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.ANY;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.CLOUDFORMATION_STACK;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.CODEBUILD_PROJECT;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.EC2_INSTANCE;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.ECS_CLUSTER;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.ECS_SERVICE;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.ECS_TASK;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.ECS_TASK_DEFINITION;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.FOREIGN_ROLE;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.GLUE_DEV_ENDPOINT;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.GLUE_JOB;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.LAMBDA_FUNCTION;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.NEW_POLICY;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.NEW_ROLE;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.NEW_USER;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.OTHER_POLICY;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.OTHER_ROLE;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.OTHER_USER;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.SAGEMAKER_NOTEBOOK;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.SELF_POLICY;
import static dev.ecsiamguard.core.policy.EscalationPath.Target.SELF_ROLE;

import dev.ecsiamguard.core.policy.EscalationPath.Grade;
import dev.ecsiamguard.core.policy.EscalationPath.Step;
import java.util.List;

/**
 * The escalation paths the analysis asks the engine about, from public research (Rhino Security Labs' AWS IAM
 * privilege escalation methods, Prowler's privilege_escalation.py, PMapper's edges, ReversecLabs' ECS paths).
 * Each step's context carries what the call itself would say: the service a role is passed to
 * ({@code iam:PassedToService}) and the policy being attached ({@code iam:PolicyARN}, AdministratorAccess or the
 * policy just created).
 */
public final class EscalationCatalog {

    /** Replaced by the partition's AdministratorAccess ARN. */
    static final String ADMIN_POLICY = "{admin-policy}";
    /** Replaced by the ARN of the policy a path creates. */
    static final String NEW_POLICY_ARN = "{new-policy}";

    private static final String PASSED = "iam:PassedToService";
    private static final String POLICY = "iam:PolicyARN";

    public static final List<EscalationPath> ALL = List.of(
            path("IAM-ATTACH-SELF", "attach AdministratorAccess to its own role", ADMIN, true,
                    Step.of("iam:AttachRolePolicy", SELF_ROLE, POLICY, ADMIN_POLICY)),
            path("IAM-PUT-SELF", "write an inline policy on its own role", ADMIN, true,
                    Step.of("iam:PutRolePolicy", SELF_ROLE)),
            path("IAM-POLICY-VERSION-SELF", "create a default version of a managed policy attached to itself",
                    ADMIN, true, Step.of("iam:CreatePolicyVersion", SELF_POLICY)),
            path("IAM-CREATE-POLICY-ATTACH-SELF", "create a policy and attach it to its own role", ADMIN, true,
                    Step.of("iam:CreatePolicy", NEW_POLICY),
                    Step.of("iam:AttachRolePolicy", SELF_ROLE, POLICY, NEW_POLICY_ARN)),
            path("IAM-CREATE-ROLE-ATTACH", "create a role it can assume and attach AdministratorAccess", ADMIN,
                    false, Step.of("iam:CreateRole", NEW_ROLE),
                    Step.of("iam:AttachRolePolicy", NEW_ROLE, POLICY, ADMIN_POLICY)),
            path("IAM-CREATE-ROLE-PUT", "create a role it can assume and write its inline policy", ADMIN, false,
                    Step.of("iam:CreateRole", NEW_ROLE), Step.of("iam:PutRolePolicy", NEW_ROLE)),
            path("IAM-CREATE-USER-ATTACH", "create a user with AdministratorAccess and an access key", ADMIN, false,
                    Step.of("iam:CreateUser", NEW_USER), Step.of("iam:AttachUserPolicy", NEW_USER, POLICY,
                            ADMIN_POLICY), Step.of("iam:CreateAccessKey", NEW_USER)),
            path("IAM-CREATE-USER-PUT", "create a user with an inline policy and an access key", ADMIN, false,
                    Step.of("iam:CreateUser", NEW_USER), Step.of("iam:PutUserPolicy", NEW_USER),
                    Step.of("iam:CreateAccessKey", NEW_USER)),
            path("IAM-SET-DEFAULT-VERSION", "make another version of an attached managed policy the default",
                    PRIVESC, true, Step.of("iam:SetDefaultPolicyVersion", SELF_POLICY)),
            path("IAM-POLICY-VERSION-ANY", "rewrite managed policies it does not own", PRIVESC, false,
                    Step.of("iam:CreatePolicyVersion", OTHER_POLICY)),
            path("IAM-ATTACH-OTHER-ROLE", "attach AdministratorAccess to a role it can assume", PRIVESC, false,
                    Step.of("iam:AttachRolePolicy", OTHER_ROLE, POLICY, ADMIN_POLICY),
                    Step.of("sts:AssumeRole", OTHER_ROLE)),
            path("IAM-PUT-OTHER-ROLE", "write the inline policy of a role it can assume", PRIVESC, false,
                    Step.of("iam:PutRolePolicy", OTHER_ROLE), Step.of("sts:AssumeRole", OTHER_ROLE)),
            path("IAM-UPDATE-TRUST", "rewrite another role's trust policy to trust itself", PRIVESC, false,
                    Step.of("iam:UpdateAssumeRolePolicy", OTHER_ROLE)),
            path("IAM-ACCESS-KEY", "create access keys for existing users", PRIVESC, false,
                    Step.of("iam:CreateAccessKey", OTHER_USER)),
            path("IAM-LOGIN-PROFILE", "set a console password for existing users", PRIVESC, false,
                    Step.of("iam:CreateLoginProfile", OTHER_USER)),
            path("IAM-UPDATE-LOGIN-PROFILE", "change existing users' console passwords", PRIVESC, false,
                    Step.of("iam:UpdateLoginProfile", OTHER_USER)),
            path("STS-ASSUME-ANY", "assume roles it does not name (sts:AssumeRole on *)", PRIVESC, false,
                    Step.of("sts:AssumeRole", FOREIGN_ROLE)),
            path("PASSROLE-LAMBDA", "pass a role to a new Lambda function and invoke it", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "lambda.amazonaws.com"),
                    Step.of("lambda:CreateFunction", LAMBDA_FUNCTION), Step.of("lambda:InvokeFunction",
                            LAMBDA_FUNCTION)),
            path("PASSROLE-LAMBDA-EVENT", "pass a role to a new Lambda function triggered by an event source",
                    PRIVESC, false, Step.of("iam:PassRole", OTHER_ROLE, PASSED, "lambda.amazonaws.com"),
                    Step.of("lambda:CreateFunction", LAMBDA_FUNCTION),
                    Step.of("lambda:CreateEventSourceMapping", ANY)),
            path("LAMBDA-UPDATE-CODE", "replace the code of existing Lambda functions", PRIVESC, false,
                    Step.of("lambda:UpdateFunctionCode", LAMBDA_FUNCTION)),
            path("PASSROLE-ECS-RUN", "pass a role to a new task definition and run it", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "ecs-tasks.amazonaws.com"),
                    Step.of("ecs:RegisterTaskDefinition", ANY), Step.of("ecs:RunTask", ECS_TASK_DEFINITION)),
            path("PASSROLE-ECS-START", "pass a role to a new task definition and start it", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "ecs-tasks.amazonaws.com"),
                    Step.of("ecs:RegisterTaskDefinition", ANY), Step.of("ecs:StartTask", ECS_TASK_DEFINITION)),
            path("PASSROLE-ECS-SERVICE", "pass a role to a new task definition and create a service", PRIVESC,
                    false, Step.of("iam:PassRole", OTHER_ROLE, PASSED, "ecs-tasks.amazonaws.com"),
                    Step.of("ecs:RegisterTaskDefinition", ANY), Step.of("ecs:CreateService", ECS_SERVICE)),
            path("PASSROLE-ECS-UPDATE-SERVICE", "pass a role to a new task definition and deploy it to a service",
                    PRIVESC, false, Step.of("iam:PassRole", OTHER_ROLE, PASSED, "ecs-tasks.amazonaws.com"),
                    Step.of("ecs:RegisterTaskDefinition", ANY), Step.of("ecs:UpdateService", ECS_SERVICE)),
            path("PASSROLE-ECS-OVERRIDE", "run existing task definitions with another task role", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "ecs-tasks.amazonaws.com"),
                    Step.of("ecs:RunTask", ECS_TASK_DEFINITION)),
            path("ECS-EXECUTE-COMMAND", "open a shell in running tasks, with their task roles", PRIVESC, false,
                    Step.of("ecs:ExecuteCommand", ECS_TASK), Step.of("ecs:ExecuteCommand", ECS_CLUSTER)),
            path("PASSROLE-EC2", "pass a role to a new EC2 instance", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "ec2.amazonaws.com"),
                    Step.of("ec2:RunInstances", EC2_INSTANCE)),
            path("SSM-SEND-COMMAND", "run commands on EC2 instances, with their instance roles", PRIVESC, false,
                    Step.of("ssm:SendCommand", EC2_INSTANCE)),
            path("PASSROLE-GLUE-ENDPOINT", "pass a role to a new Glue development endpoint", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "glue.amazonaws.com"),
                    Step.of("glue:CreateDevEndpoint", GLUE_DEV_ENDPOINT)),
            path("GLUE-UPDATE-ENDPOINT", "take over existing Glue development endpoints", PRIVESC, false,
                    Step.of("glue:UpdateDevEndpoint", GLUE_DEV_ENDPOINT)),
            path("PASSROLE-GLUE-JOB", "pass a role to a new Glue job and start it", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "glue.amazonaws.com"),
                    Step.of("glue:CreateJob", GLUE_JOB), Step.of("glue:StartJobRun", GLUE_JOB)),
            path("PASSROLE-CLOUDFORMATION", "pass a role to a new CloudFormation stack", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "cloudformation.amazonaws.com"),
                    Step.of("cloudformation:CreateStack", CLOUDFORMATION_STACK)),
            path("PASSROLE-CODEBUILD", "pass a role to a new CodeBuild project and start a build", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "codebuild.amazonaws.com"),
                    Step.of("codebuild:CreateProject", CODEBUILD_PROJECT),
                    Step.of("codebuild:StartBuild", CODEBUILD_PROJECT)),
            path("PASSROLE-SAGEMAKER", "pass a role to a new SageMaker notebook and open it", PRIVESC, false,
                    Step.of("iam:PassRole", OTHER_ROLE, PASSED, "sagemaker.amazonaws.com"),
                    Step.of("sagemaker:CreateNotebookInstance", SAGEMAKER_NOTEBOOK),
                    Step.of("sagemaker:CreatePresignedNotebookInstanceUrl", SAGEMAKER_NOTEBOOK)));

    private EscalationCatalog() {
    }

    private static EscalationPath path(String id, String title, Grade grade, boolean selfGrant, Step... steps) {
        return new EscalationPath(id, title, grade, selfGrant, List.of(steps));
    }
}
