package dev.ecsiamguard.app.rolechange;

import dev.ecsiamguard.app.ValidationResult;

/** Port: the application's one validation of a revision (its rules, its roles), whatever runs it. */
public interface RevisionJudge {

    ValidationResult judge(String taskDefinitionArn, String family, String account);
}
