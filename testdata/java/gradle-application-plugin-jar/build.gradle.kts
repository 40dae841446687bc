plugins {
    java
    application
}

repositories { mavenCentral() }

application {
    mainClass.set("example.Main")
}

tasks.jar {
    manifest { attributes["Main-Class"] = "example.Main" }
}
