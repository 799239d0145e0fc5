package dev.ecsiamguard.core.taskdef;

/** Small string helpers shared by the model and the rules, so that blank means absent everywhere. */
final class Texts {

    private Texts() {
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** True for values a pipeline fills in later: {@code ${X}}, {@code <X>}, {@code {{ x }}}, {@code #{X}}. */
    static boolean isTemplated(String s) {
        return s != null && (s.contains("${") || s.contains("{{") || s.contains("#{")
                || (s.contains("<") && s.contains(">")));
    }
}
