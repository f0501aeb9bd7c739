package com.example.app;

/** Something to compile, so the compiler plugin and its dependencies are resolved and run. */
public final class App {

    private App() {
    }

    public static String greet() {
        return "hello";
    }
}
