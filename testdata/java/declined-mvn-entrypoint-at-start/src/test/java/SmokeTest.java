public class SmokeTest {}
