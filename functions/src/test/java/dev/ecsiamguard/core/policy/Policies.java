package dev.ecsiamguard.core.policy;

/** Test helpers that keep policy JSON short in tables: single quotes stand for double quotes. */
final class Policies {

    private Policies() {
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static NamedPolicy identity(String name, String singleQuotedJson) {
        return new NamedPolicy(name, PolicyDocument.parseIdentity(json(singleQuotedJson)));
    }

    static NamedPolicy trust(String singleQuotedJson) {
        return new NamedPolicy("trust", PolicyDocument.parseTrust(json(singleQuotedJson)));
    }

    /** A one-statement identity policy: Allow s3:GetObject on * under one condition block. */
    static NamedPolicy allowWithCondition(String conditionBlock) {
        return identity("cond", "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:GetObject',"
                + "'Resource':'*','Condition':" + conditionBlock + "}}");
    }
}
