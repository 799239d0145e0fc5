package dev.ecsiamguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionOperatorTest {

    /**
     * One clause on key {@code Test:Key}; values are separated by {@code |}; an empty request column means the key is
     * absent from a complete request context (IAM's view), so absent-key semantics are checked exactly. Several
     * request values make the key multivalued: without ForAnyValue/ForAllValues the clause matches nothing (IAM User
     * Guide, "Single-valued vs. multivalued context keys").
     */
    @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
    @CsvSource(delimiter = ';', nullValues = "ABSENT", textBlock = """
            StringEquals;                abc;           abc;           true
            StringEquals;                abc;           ABC;           false
            StringEquals;                a*;            abc;           false
            StringEquals;                a*;            a*;            true
            StringEquals;                x|abc;         abc;           true
            StringEquals;                abc;           x|abc;         false
            StringEquals;                abc;           ABSENT;        false
            StringNotEquals;             abc;           abd;           true
            StringNotEquals;             abc|abd;       abd;           false
            StringNotEquals;             abc;           abd|abc;       false
            StringNotEquals;             abc;           ABSENT;        true
            StringEqualsIgnoreCase;      AbC;           abc;           true
            StringEqualsIgnoreCase;      a*;            ABC;           false
            StringNotEqualsIgnoreCase;   AbC;           abc;           false
            StringNotEqualsIgnoreCase;   AbC;           abd;           true
            StringLike;                  repo:org/*:ref:refs/heads/main; repo:org/app:ref:refs/heads/main; true
            StringLike;                  repo:org/*:ref:refs/heads/main; repo:org/app:pull_request; false
            StringLike;                  a?c;           abc;           true
            StringLike;                  a?c;           abbc;          false
            StringLike;                  abc;           ABC;           false
            StringLike;                  a${*};         a*;            true
            StringLike;                  a${*};         ab;            false
            StringLike;                  a${?}${$};     a?$;           true
            StringLike;                  abc;           ABSENT;        false
            StringNotLike;               a*;            abc;           false
            StringNotLike;               b*;            abc;           true
            StringNotLike;               b*;            ABSENT;        true
            NumericEquals;               10;            10.0;          true
            NumericEquals;               10;            abc;           false
            NumericNotEquals;            10;            11;            true
            NumericNotEquals;            10;            ABSENT;        true
            NumericLessThan;             10;            9;             true
            NumericLessThan;             10;            10;            false
            NumericLessThanEquals;       10;            10;            true
            NumericGreaterThan;          10;            11;            true
            NumericGreaterThanEquals;    10;            9;             false
            NumericGreaterThanEquals;    10;            ABSENT;        false
            DateLessThan;                2026-01-01T00:00:00Z; 2025-12-31T23:59:59Z; true
            DateLessThan;                2026-01-01T00:00:00Z; 2026-01-01T00:00:00Z; false
            DateLessThanEquals;          2026-01-01T00:00:00Z; 1767225600; true
            DateGreaterThan;             2026-01-01T00:00:00Z; 1767225601; true
            DateGreaterThanEquals;       1767225600;    2025-12-31T23:59:59Z; false
            DateEquals;                  1767225600;    2026-01-01T00:00:00Z; true
            DateEquals;                  2026-01-01;    2026-01-01T00:00:00Z; true
            DateNotEquals;               1767225600;    2026-01-01T00:00:00Z; false
            Bool;                        true;          true;          true
            Bool;                        true;          false;         false
            Bool;                        false;         ABSENT;        false
            BoolIfExists;                false;         ABSENT;        true
            BoolIfExists;                false;         true;          false
            BinaryEquals;                QmluYXJ5;      QmluYXJ5;      true
            BinaryEquals;                QmluYXJ5;      qmluyxj5;      false
            IpAddress;                   203.0.113.0/24; 203.0.113.7;  true
            IpAddress;                   203.0.113.0/24; 203.0.114.1;  false
            IpAddress;                   203.0.113.5;   203.0.113.5;   true
            IpAddress;                   2001:db8::/32; 2001:db8:1::5; true
            IpAddress;                   2001:db8::/32; 2001:db9::1;   false
            IpAddress;                   2001:db8::/32; 203.0.113.7;   false
            IpAddress;                   1.2.3.0/24;    1.2.3.ab;      false
            IpAddress;                   1.2.3.0/24;    localhost;     false
            NotIpAddress;                203.0.113.0/24; 198.51.100.1; true
            NotIpAddress;                203.0.113.0/24; 203.0.113.9;  false
            ArnLike;                     arn:aws:iam::*:role/ecs-*; arn:aws:iam::123456789012:role/ecs-task; true
            ArnLike;                     arn:aws:iam::*:role/ecs-*; arn:aws:iam::123456789012:user/ecs-task; false
            ArnLike;                     arn:aws:iam::*:role/x; arn:aws:iam::1:2:role/x; false
            ArnLike;                     arn:aws:*:*:123456789012:*; not-an-arn; false
            ArnEquals;                   arn:aws:sns:*:1:topic; arn:aws:sns:eu-west-1:1:topic; true
            ArnEquals;                   arn:aws:s3:::bucket/*; arn:aws:s3:::bucket/a:b; true
            ArnEquals;                   arn:aws:s3:::bucket/*; arn:aws:s3:::Bucket/a; false
            ArnNotEquals;                arn:aws:s3:::bucket/*; arn:aws:s3:::other/a; true
            ArnNotLike;                  arn:aws:s3:::bucket/*; arn:aws:s3:::bucket/a; false
            ArnNotLike;                  arn:aws:s3:::bucket/*; ABSENT;  true
            Null;                        true;          ABSENT;        true
            Null;                        true;          x;             false
            Null;                        false;         x;             true
            Null;                        false;         ABSENT;        false
            StringEqualsIfExists;        a;             ABSENT;        true
            StringEqualsIfExists;        a;             b;             false
            StringEqualsIfExists;        a;             a;             true
            StringNotEqualsIfExists;     a;             ABSENT;        true
            NumericLessThanIfExists;     5;             ABSENT;        true
            ArnLikeIfExists;             arn:aws:s3:::b; ABSENT;       true
            ForAllValues:StringEquals;   a|b;           ABSENT;        true
            ForAllValues:StringEquals;   a|b;           a|b;           true
            ForAllValues:StringEquals;   a|b;           a|c;           false
            ForAllValues:StringLike;     tag-*;         tag-x|tag-y;   true
            ForAllValues:StringNotEquals; a;            b|c;           true
            ForAllValues:StringNotEquals; a;            a|c;           false
            ForAnyValue:StringEquals;    a|b;           c|b;           true
            ForAnyValue:StringEquals;    a|b;           c|d;           false
            ForAnyValue:StringEquals;    a|b;           ABSENT;        false
            ForAnyValue:StringNotEquals; a;             a|b;           true
            ForAnyValue:StringNotEquals; a;             ABSENT;        false
            ForAnyValue:StringEqualsIfExists; a;        ABSENT;        true
            """)
    void evaluate_whenOneClause_followsIam(String operator, String policyValues, String requestValues,
                                           boolean expected) {
        String values = Arrays.stream(policyValues.split("\\|")).map(v -> "'" + v + "'")
                .collect(Collectors.joining(",", "[", "]"));
        NamedPolicy policy = Policies.allowWithCondition("{'" + operator + "':{'Test:Key':" + values + "}}");
        Request request = Request.of("s3:GetObject", "arn:aws:s3:::b/k").withCompleteContext();
        if (requestValues != null) {
            request = request.with("test:key", requestValues.split("\\|"));
        }

        EvaluationResult result = PolicyEvaluator.of(policy).evaluate(request);

        assertThat(result.isConclusive()).isTrue();
        assertThat(result.decision() == Decision.ALLOW).as(result.explain()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on a missing key is inconclusive")
    @CsvSource({"StringEquals", "StringNotEquals", "StringEqualsIfExists", "ForAllValues:StringEquals", "Null"})
    void evaluate_whenKeyNotSuppliedAndContextOpen_reportsMissingKey(String operator) {
        String value = operator.equals("Null") ? "true" : "a";
        NamedPolicy policy = Policies.allowWithCondition("{'" + operator + "':{'Test:Key':'" + value + "'}}");

        EvaluationResult result = PolicyEvaluator.of(policy).evaluate(Request.of("s3:GetObject", "arn:aws:s3:::b"));

        assertThat(result.isConclusive()).isFalse();
        assertThat(result.missingContextKeys()).containsExactly("Test:Key");
        assertThat(result.isAllowed()).isFalse();
        assertThat(result.isDenied()).isFalse();
    }
}
