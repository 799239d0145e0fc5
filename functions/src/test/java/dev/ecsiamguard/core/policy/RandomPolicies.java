package dev.ecsiamguard.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random statements and requests from small alphabets, so collisions (and thus interesting cases) are frequent. */
final class RandomPolicies {

    static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "iam:PassRole", "ec2:RunInstances"};
    static final String[] ACTION_PATTERNS = {"*", "s3:*", "s3:Get*", "iam:PassRole", "ec2:*Instances", "s3:?utObject",
        "IAM:passrole"};
    static final String[] RESOURCES = {"arn:aws:s3:::a/x", "arn:aws:s3:::b/y", "arn:aws:iam::1:role/r"};
    static final String[] RESOURCE_PATTERNS = {"*", "arn:aws:s3:::a/*", "arn:aws:s3:::*", "arn:aws:iam::*:role/*",
        "arn:aws:s3:::b/?"};
    static final String[] KEYS = {"k:one", "k:two", "k:three", "k:four"};
    static final String[] VALUES = {"v1", "v2", "v10", "3", "7", "true"};
    static final ConditionClause[] CLAUSES = {
        ConditionClause.of(ConditionOperator.STRING_EQUALS, "k:one", "v1"),
        ConditionClause.of(ConditionOperator.STRING_NOT_EQUALS, "K:One", "v2"),
        ConditionClause.of(ConditionOperator.STRING_LIKE, "k:two", "v*"),
        new ConditionClause(ConditionOperator.STRING_EQUALS, false, SetQualifier.FOR_ALL_VALUES, "k:two",
                List.of("v1", "v2")),
        new ConditionClause(ConditionOperator.STRING_EQUALS, false, SetQualifier.FOR_ANY_VALUE, "k:two",
                List.of("v10")),
        new ConditionClause(ConditionOperator.BOOL, true, SetQualifier.NONE, "k:three", List.of("true")),
        ConditionClause.of(ConditionOperator.NULL, "k:three", "true"),
        ConditionClause.of(ConditionOperator.NUMERIC_LESS_THAN, "k:four", "5"),
    };

    private final Random random;

    RandomPolicies(long seed) {
        this.random = new Random(seed);
    }

    Statement statement(Effect effect) {
        List<String> actions = pick(ACTION_PATTERNS, 1 + random.nextInt(2));
        List<String> resources = pick(RESOURCE_PATTERNS, 1 + random.nextInt(2));
        boolean notAction = random.nextInt(5) == 0;
        boolean notResource = random.nextInt(6) == 0;
        List<ConditionClause> conditions = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            conditions.add(CLAUSES[random.nextInt(CLAUSES.length)]);
        }
        return new Statement("", effect, notAction ? List.of() : actions, notAction ? actions : List.of(),
                notResource ? List.of() : resources, notResource ? resources : List.of(), List.of(), List.of(),
                conditions);
    }

    Statement statement() {
        return statement(random.nextInt(3) == 0 ? Effect.DENY : Effect.ALLOW);
    }

    NamedPolicy policy(String name) {
        List<Statement> statements = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            statements.add(statement());
        }
        return new NamedPolicy(name, new PolicyDocument("2012-10-17", statements));
    }

    List<NamedPolicy> policies() {
        List<NamedPolicy> out = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            out.add(policy("p" + i));
        }
        return out;
    }

    /** A boundary about half of the time, null otherwise. */
    NamedPolicy boundaryOrNull() {
        return random.nextBoolean() ? policy("boundary") : null;
    }

    Request request() {
        Request request = Request.of(ACTIONS[random.nextInt(ACTIONS.length)],
                RESOURCES[random.nextInt(RESOURCES.length)]);
        for (String key : KEYS) {
            if (random.nextInt(3) > 0) {
                request = request.with(key, pick(VALUES, 1 + random.nextInt(2)).toArray(String[]::new));
            }
        }
        return random.nextBoolean() ? request.withCompleteContext() : request;
    }

    Random random() {
        return random;
    }

    private List<String> pick(String[] alphabet, int count) {
        List<String> out = new ArrayList<>();
        while (out.size() < count) {
            String next = alphabet[random.nextInt(alphabet.length)];
            if (!out.contains(next)) {
                out.add(next);
            }
        }
        return out;
    }
}
