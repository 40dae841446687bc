import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Another container writes the token into a volume mounted in the home folder.
const tokenFile = join(homedir(), '.config', 'portal', 'token');

createServer((req, res) => {
  res.end(existsSync(tokenFile) ? 'ready\n' : 'waiting\n');
}).listen(3000);
