package com.example.module15;

import com.example.privatelibeu.PrivateLibEu;

/** Compiles only when the private dependency, served by the fake CodeArtifact alone, is on the class path. */
public final class Module {

    private Module() {
    }

    public static String greet() {
        return PrivateLibEu.hello("15");
    }
}
