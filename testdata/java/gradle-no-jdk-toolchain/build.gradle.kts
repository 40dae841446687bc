plugins {
    java
    application
}

java {
    toolchain {
        languageVersion.set(JavaLanguageVersion.of(17))
    }
}

tasks.jar {
    archiveFileName.set("service.jar")
    manifest { attributes["Main-Class"] = "com.example.Main" }
}
