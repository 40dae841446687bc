package example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

@Service
public class Storage {
    private final StorageProperties props;

    public Storage(StorageProperties props) {
        this.props = props;
    }

    public Path save(MultipartFile file) throws IOException {
        Path dir = Path.of(props.getLocation());
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getOriginalFilename());
        file.transferTo(target);
        return target;
    }
}
