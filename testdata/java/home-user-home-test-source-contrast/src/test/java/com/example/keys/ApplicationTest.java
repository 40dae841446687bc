package com.example.keys;

import java.nio.file.Path;

class ApplicationTest {
    // A fixture key in the developer's home folder; tests are not in the jar.
    static final Path FIXTURE = Path.of(System.getProperty("user.home"), ".keys", "test.pem");
}
