rootProject.name = "tool"
