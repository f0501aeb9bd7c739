package com.example.moduleb;

import com.example.privatelibb.PrivateLibB;

/** Compiles only when the private dependency, served by the fake CodeArtifact alone, is on the class path. */
public final class Module {

    private Module() {
    }

    public static String greet() {
        return PrivateLibB.hello("b");
    }
}
