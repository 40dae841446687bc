plugins {
    java
    application
}

version = "1.2.0"

repositories { mavenCentral() }

application {
    mainClass.set("example.Main")
}
