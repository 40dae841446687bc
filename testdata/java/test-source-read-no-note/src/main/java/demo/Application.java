package demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class Application {
    private final String timeoutUrl;

    public Application(@Value("${server.servlet.session.timeout-url}") String timeoutUrl) {
        this.timeoutUrl = timeoutUrl;
    }

    @GetMapping("/expired")
    public String expired() {
        return "redirect:" + timeoutUrl;
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
