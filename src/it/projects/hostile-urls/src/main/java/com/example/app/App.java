package com.example.app;

import com.example.privatelib.PrivateLib;

/** Compiles only when the private dependency, served by the fake CodeArtifact alone, is on the class path. */
public final class App {

    private App() {
    }

    public static String greet() {
        return PrivateLib.hello("app");
    }
}
