plugins {
    java
    application
}

application {
    mainClass.set("example.Main")
}
