plugins {
    application
}

application {
    mainClass = "app.Main"
    applicationDefaultJvmArgs = listOf("-Xmx256m")
}
