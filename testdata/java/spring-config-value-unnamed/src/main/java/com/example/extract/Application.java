package com.example.extract;

import com.github.kokorin.jaffree.ffmpeg.FFmpeg;
import com.github.kokorin.jaffree.ffprobe.FFprobe;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

// As in spring-boot-thymeleaf-video-audio-extractor: the ffmpeg and ffprobe
// binaries come with the repository, in folders that application.yml names.
@SpringBootApplication
public class Application {
    @Value("${directory.path.ffmpeg}")
    String ffmpegDir;
    @Value("${directory.path.ffprobe}")
    String ffprobeDir;

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Bean
    public FFmpeg ffmpeg() {
        return FFmpeg.atPath(Path.of(ffmpegDir, "linux"));
    }

    @Bean
    public FFprobe ffprobe() {
        return FFprobe.atPath(Path.of(ffprobeDir, "linux"));
    }
}
