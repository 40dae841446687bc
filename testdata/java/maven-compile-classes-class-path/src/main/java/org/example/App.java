package org.example;

public class App {
    public static void main(String[] args) {
        long a = 0, b = 1;
        for (int i = 0; i < 10; i++) {
            System.out.println(a);
            long t = a + b;
            a = b;
            b = t;
        }
    }
}
