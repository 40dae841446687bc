package example;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties(prefix = "app.mail")
public class StorageProperties {
    private String location;

    public String getLocation() { return location; }
    public void setLocation(String location) { this.location = location; }
}
