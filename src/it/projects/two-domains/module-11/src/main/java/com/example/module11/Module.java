package com.example.module11;

import com.example.privatelib.PrivateLib;

/** Compiles only when the private dependency, served by the fake CodeArtifact alone, is on the class path. */
public final class Module {

    private Module() {
    }

    public static String greet() {
        return PrivateLib.hello("11");
    }
}
