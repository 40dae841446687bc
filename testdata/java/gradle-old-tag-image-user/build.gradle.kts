plugins {
    java
    application
}

tasks.jar {
    archiveFileName.set("service.jar")
    manifest { attributes["Main-Class"] = "com.example.Main" }
}
