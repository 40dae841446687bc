plugins {
    kotlin("jvm") version "1.5.10"
    application
}

val main = "com.example.tosca.ApplicationKt"

repositories { mavenCentral() }

tasks.withType<Jar> {
    manifest { attributes["Main-Class"] = main }
}

application {
    mainClass.set(main)
}
