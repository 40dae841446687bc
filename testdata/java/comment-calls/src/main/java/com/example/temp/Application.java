package com.example.temp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application implements CommandLineRunner {
    private static final String FILES = "/files/*";

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void run(String... args) throws IOException {
        System.out.println("docs at http://localhost:8080/docs " + Files.createDirectories(Path.of("temp")));
        // Files.createDirectories(Path.of("/var/exports"));
        /*
         * The old exporter wrote outside the app folder:
         * Files.writeString(Path.of("/data/export.csv"), "");
         */
    }
}
