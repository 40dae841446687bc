package com.example;

public class App {
    public static void main(String[] args) {
        System.out.println("change for 0.41: 1 quarter, 1 dime, 1 nickel, 1 penny");
    }
}
