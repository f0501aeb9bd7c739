package com.example.bench;

/** Something to compile. */
public final class App {
    public static void main(String[] args) {
        System.out.println("bench");
    }
}
