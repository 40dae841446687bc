package x;
@jakarta.ws.rs.Path("/hello")
public class Hello { @jakarta.ws.rs.GET public String hi() { return "hi"; } }
