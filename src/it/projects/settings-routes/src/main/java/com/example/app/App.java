package com.example.app;

import com.example.privatelib.PrivateLib;
import com.example.privatelibeu.PrivateLibEu;

/** Compiles only when both private dependencies, each served by one fake repository, are on the class path. */
public final class App {

    private App() {
    }

    public static String greet() {
        return PrivateLib.hello("app") + ", " + PrivateLibEu.hello("app");
    }
}
