package example;

import java.io.File;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

@Service
public class Storage {
    @Value("${static.path}")
    private String staticPath;

    public String save(MultipartFile file) throws IOException {
        File dirPath = new File(staticPath + "/upload");
        if (!dirPath.exists()) dirPath.mkdirs();
        File target = new File(dirPath.getAbsolutePath() + "/" + file.getOriginalFilename());
        file.transferTo(target);
        return target.getAbsolutePath();
    }
}
