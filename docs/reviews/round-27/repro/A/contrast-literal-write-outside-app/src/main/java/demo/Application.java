package demo;

import java.io.FileOutputStream;
import java.io.IOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class Application {
    public static void main(String[] args) throws IOException {
        try (FileOutputStream out = new FileOutputStream("/data/h2/started")) {
            out.write('1');
        }
        SpringApplication.run(Application.class, args);
    }
}
