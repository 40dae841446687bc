allprojects {
    repositories { mavenCentral() }
}
