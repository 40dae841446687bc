package com.example.temp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.FileSystemUtils;

// As workdir-root-unnamed-write, with the folder's name from a setting whose
// default is relative: where it lands cannot be told from the sources.
@SpringBootApplication
public class Application implements CommandLineRunner {
    @Value("${app.temp:temp}")
    String tempDir;

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void run(String... args) throws IOException {
        Path path = Path.of(tempDir);
        FileSystemUtils.deleteRecursively(path);
        Files.createDirectories(path);
    }
}
