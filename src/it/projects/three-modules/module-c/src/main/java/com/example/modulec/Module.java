package com.example.modulec;

/** Depends on module b of the same build, which itself needs the private dependency. */
public final class Module {

    private Module() {
    }

    public static String greet() {
        return com.example.moduleb.Module.greet() + "c";
    }
}
