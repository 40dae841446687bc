package com.example;

public class HelloWorldApplication {
    public static void main(String[] args) {
        System.out.println("Hello World");
    }
}
