// Run by hand (npm run release), never at start.
import release from "release-it";

await release({ ci: true });
