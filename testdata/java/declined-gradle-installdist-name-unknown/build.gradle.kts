plugins {
    java
    application
}

repositories { mavenCentral() }

val flavor = System.getenv("FLAVOR") ?: "prod"

application {
    mainClass.set("example.Main")
    applicationName = "inventory-$flavor"
}
