package com.example.temp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.FileSystemUtils;

// As in spring-boot-thymeleaf-video-audio-extractor's Application.run: the app
// makes a fresh "temp" folder in the working folder at start. With no WORKDIR
// the working folder is /, which only root can write.
@SpringBootApplication
public class Application implements CommandLineRunner {
    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Override
    public void run(String... args) throws IOException {
        FileSystemUtils.deleteRecursively(Path.of("temp"));
        Files.createDirectories(Path.of("temp"));
    }
}
