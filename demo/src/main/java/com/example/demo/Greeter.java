package com.example.demo;

import java.io.InputStream;

/** Reads the greeting that the private dependency, served by CodeArtifact, carries. */
public final class Greeter {
    public static void main(String[] args) throws Exception {
        try (InputStream in = Greeter.class.getResourceAsStream("/com/example/greeting/greeting.txt")) {
            int c;
            while ((c = in.read()) != -1) {
                System.out.write(c);
            }
            System.out.flush();
        }
    }
}
