package dev.ecsiamguard.core.policy;

/** The two outcomes a statement can vote for; IAM rejects any other spelling. */
public enum Effect {
    ALLOW, DENY
}
