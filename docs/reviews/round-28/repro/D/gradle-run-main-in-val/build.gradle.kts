plugins {
    kotlin("jvm") version "1.5.10"
    application
}

val main = "com.example.ApplicationKt"

repositories { mavenCentral() }

application {
    mainClass.set(main)
}
