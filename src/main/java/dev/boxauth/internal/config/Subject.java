package dev.boxauth.internal.config;

import java.util.Objects;

/** Who a token is for: the enterprise's Service Account or one user. */
public record Subject(Type type, String id) {

    public enum Type {
        ENTERPRISE("enterprise"), USER("user");

        private final String boxName;

        Type(String boxName) {
            this.boxName = boxName;
        }

        /** The value of {@code box_sub_type} / {@code box_subject_type}. */
        public String boxName() {
            return boxName;
        }
    }

    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    /** Whether {@code id} looks like a Box enterprise or user id: digits only, at least one. */
    public static boolean isBoxId(String id) {
        return id != null && !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    public static Subject enterprise(String id) {
        return new Subject(Type.ENTERPRISE, id);
    }

    public static Subject user(String id) {
        return new Subject(Type.USER, id);
    }

    @Override
    public String toString() {
        return type.boxName + " " + id;
    }
}
