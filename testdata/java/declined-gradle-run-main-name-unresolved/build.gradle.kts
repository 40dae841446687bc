plugins {
    kotlin("jvm") version "1.5.10"
    application
}

val mainName: String by project

repositories { mavenCentral() }

application {
    mainClass.set(mainName)
}
