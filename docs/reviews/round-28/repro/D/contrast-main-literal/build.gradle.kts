plugins {
    kotlin("jvm") version "1.5.10"
    application
}


repositories { mavenCentral() }

application {
    mainClass.set("com.example.ApplicationKt")
}
