package example;

import com.spotify.docker.client.DefaultDockerClient;
import com.spotify.docker.client.DockerClient;

public class Janitor {
    public static void main(String[] args) throws Exception {
        DockerClient docker = DefaultDockerClient.fromEnv().build();
        System.out.println(docker.ping());
    }
}
