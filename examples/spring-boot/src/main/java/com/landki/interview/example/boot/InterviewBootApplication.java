package com.landki.interview.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot web application with {@code interview-spring-boot-starter}: the API at {@code /interview/api},
 * the chat page at {@code /interview/}, the dashboard at {@code /interview/dashboard/}; settings in
 * {@code application.yml} ({@code interview.*}) or the README's environment variables.
 */
@SpringBootApplication
public class InterviewBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(InterviewBootApplication.class, args);
    }
}
