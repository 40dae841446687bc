package com.example.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

// The signing key comes from a volume mounted in the home folder of the user
// that runs the program.
@SpringBootApplication
public class Application implements CommandLineRunner {
    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void run(String... args) throws Exception {
        Path key = Path.of(System.getProperty("user.home"), ".keys", "signing.pem");
        System.out.println(Files.readString(key).length());
    }
}
