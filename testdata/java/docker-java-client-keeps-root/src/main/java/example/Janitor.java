package example;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

public class Janitor {
    public static void main(String[] args) throws Exception {
        // Removes exited containers every minute.
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
            .dockerHost(config.getDockerHost()).build();
        DockerClient docker = DockerClientImpl.getInstance(config, http);
        while (true) {
            docker.listContainersCmd().withStatusFilter(java.util.List.of("exited")).exec()
                .forEach(c -> docker.removeContainerCmd(c.getId()).exec());
            Thread.sleep(60_000);
        }
    }
}
