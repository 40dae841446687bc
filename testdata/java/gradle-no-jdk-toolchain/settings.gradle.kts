rootProject.name = "service"
